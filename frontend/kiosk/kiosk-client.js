// The kiosk tablet's own memory, for when the server cannot be reached.
//
// A Vaadin page needs its server: when the network drops (or the server restarts) taps are queued
// or lost with the session. So the answers of the survey in progress are mirrored here, and a
// completed rating goes into an outbox in localStorage, with its idempotency key, *before* it is
// sent. The outbox POSTs each rating to /kiosk-device/ratings (the device cookie authenticates)
// and forgets it only when the server has answered for it (its JSON acknowledgement, or a problem
// refusing the rating for good); it retries when the connection returns,
// after a reload, and every few seconds meanwhile. Resends carry the same key, so the server
// stores each rating once.
//
// The server talks to this module through one element, <hl-kiosk-bridge> (KioskBridge.java), at
// the end of this file: its methods are the whole API.
const OUTBOX_KEY = 'hl-kiosk-outbox';
// Where the tablet stands (centre and counter names), for the service worker's offline shell.
const PLACE_KEY = 'hl-kiosk-place';
const RETRY_MS = [2000, 4000, 8000, 15000, 30000];

function load() {
  try {
    const list = JSON.parse(localStorage.getItem(OUTBOX_KEY) || '[]');
    return Array.isArray(list) ? list : [];
  } catch (e) {
    return [];
  }
}

function store(list) {
  localStorage.setItem(OUTBOX_KEY, JSON.stringify(list));
}

function endpoint(path) {
  return new URL(path, document.baseURI).toString();
}

function mediaType(response) {
  return (response.headers.get('Content-Type') || '').split(';')[0].trim().toLowerCase();
}

/** The documented answer of POST /kiosk-device/ratings: JSON naming the stored rating. */
async function isAcknowledgement(response) {
  if (mediaType(response) !== 'application/json') return false;
  try {
    const body = await response.json();
    return !!body && typeof body.ratingId === 'string' && body.ratingId.length > 0
      && typeof body.status === 'string' && typeof body.replayed === 'boolean';
  } catch (e) {
    return false;
  }
}

/** The server's rule (followup.MobileNumber): ten digits, a mobile prefix in use since 2018. */
function isMobileNumber(phone) {
  return typeof phone === 'string' && /^0(3[2-9]|5[25689]|7[06-9]|8[1-9]|9[0-46-9])[0-9]{7}$/.test(phone);
}

function isProblem(response) {
  return mediaType(response) === 'application/problem+json';
}

const kiosk = {
  draft: null,
  rules: null,
  flushing: false,
  attempt: 0,
  retryTimer: null,
  idleTimer: null,
  idleMs: 0,
  onIdle: null,

  /**
   * A new survey: the answers mirrored here until the citizen sends them. `storeAbandoned`: the
   * site stores a survey left unsent (kiosk-config abandonedSurveys), see commitAbandoned.
   */
  beginDraft(idempotencyKey, dossierCode, handoverId, reasonCriterion, reasonOptions, storeAbandoned, entry) {
    this.draft = { idempotencyKey, dossierCode, handoverId: handoverId || null, answers: {}, reasons: [] };
    // How a dossier without a handover was found: KEYED or SCANNED (an integrity signal).
    if (entry) this.draft.entry = entry;
    this.rules = { criterion: reasonCriterion, options: reasonOptions || [], storeAbandoned: !!storeAbandoned };
  },

  /**
   * The citizen walked away (idle timeout) or the page goes (reload, tablet switched off): a survey
   * with an answer to the overall question goes into the outbox as it is, marked abandoned, so the
   * server stores it flagged "not sent by the citizen". An untouched survey leaves nothing. Done
   * here, not by the server, so that it holds with the network down too.
   */
  commitAbandoned(keepDraft) {
    const d = this.draft;
    if (!keepDraft) this.draft = null;
    if (!d || !d.dossierCode || !d.answers.overall || !(this.rules && this.rules.storeAbandoned)) return false;
    if (d.contactConsent && !isMobileNumber(d.phone)) {
      // Half a number is no consent to call: the answers go, the number does not.
      delete d.contactConsent;
      delete d.phone;
    }
    const list = load();
    if (!list.some((e) => e.idempotencyKey === d.idempotencyKey)) {
      list.push({ ...d, answers: { ...d.answers }, reasons: [...d.reasons], abandoned: true });
      store(list);
    }
    return true;
  },

  discardDraft() {
    this.draft = null;
  },

  /** Mirrors an answer as the server applies it: the overall question is always set, others toggle. */
  answer(criterion, option, toggles) {
    if (!this.draft) return;
    if (toggles && this.draft.answers[criterion] === option) {
      delete this.draft.answers[criterion];
    } else {
      this.draft.answers[criterion] = option;
    }
  },

  toggleReason(code) {
    if (!this.draft) return;
    const i = this.draft.reasons.indexOf(code);
    if (i >= 0) this.draft.reasons.splice(i, 1); else this.draft.reasons.push(code);
  },

  /** "Other" counts as a reason only with its words (the server would refuse it without). */
  otherReason(text) {
    const d = this.draft;
    if (!d) return;
    d.reasons = d.reasons.filter((r) => r !== 'OTHER');
    if (text) {
      d.reasons.push('OTHER');
      d.comment = text;
    } else {
      delete d.comment;
    }
  },

  /** The call-back asked for, and the number typed so far (checked when the draft is sent). */
  contact(consent, phone) {
    const d = this.draft;
    if (!d) return;
    if (consent) {
      d.contactConsent = true;
      d.phone = phone;
    } else {
      delete d.contactConsent;
      delete d.phone;
    }
  },

  draftComplete() {
    const d = this.draft;
    if (!d || !d.answers.overall) return false;
    const r = this.rules;
    const needsReason = r && r.criterion && r.options.includes(d.answers[r.criterion]);
    // A call-back asked for needs a whole number; the page says so (and nothing leaves the tablet).
    if (d.contactConsent && !isMobileNumber(d.phone)) return false;
    return !needsReason || d.reasons.length > 0;
  },

  /**
   * The server's copy of a completed rating, in case the mirrored draft missed a tap: stored only
   * when no rating with its key is in the outbox yet.
   */
  commitSubmitted(entry) {
    this.enqueue(entry);
    this.draft = null;
    this.flush();
  },

  /** The citizen tapped "send": a complete draft moves into the outbox, then is sent. */
  commitDraft() {
    if (!this.draftComplete()) return false;
    const entry = this.draft;
    this.draft = null;
    this.enqueue(entry);
    this.attempt = 0;
    this.flush();
    this.updateOverlay();
    return true;
  },

  /**
   * Into the outbox, once per key. A completed rating takes the place of the same survey saved as
   * abandoned when the page was hidden (the tablet went to sleep and came back): the citizen did
   * send it in the end. (If the abandoned copy was delivered meanwhile, the server keeps that one.)
   */
  enqueue(entry) {
    const list = load();
    const i = list.findIndex((e) => e.idempotencyKey === entry.idempotencyKey);
    if (i < 0) {
      list.push(entry);
    } else if (list[i].abandoned && !entry.abandoned) {
      list[i] = entry;
    } else {
      return;
    }
    store(list);
  },

  pending() {
    return load().length;
  },

  async flush() {
    if (this.flushing) return;
    this.flushing = true;
    clearTimeout(this.retryTimer);
    this.retryTimer = null;
    let failed = false;
    try {
      for (const entry of load()) {
        let response;
        try {
          response = await fetch(endpoint('kiosk-device/ratings'), {
            method: 'POST',
            credentials: 'same-origin',
            // A redirect (to a log-in page, a captive portal) is never the server storing the rating.
            redirect: 'manual',
            headers: { 'Content-Type': 'application/json', 'X-Hailong-Kiosk': '1' },
            body: JSON.stringify(entry),
          });
        } catch (e) {
          failed = true; // no connection: keep it
          break;
        }
        // Stored (201) or stored before (200) only with the server's acknowledgement, and refused
        // for good (400, 409, 422) only with its problem body: then the server has answered for
        // this rating. Anything else (a page with 200 from a proxy or a misrouted request, 401/403
        // for a revoked device or a staff session, 5xx, 503 during an outage): keep, retry.
        const stored = response.ok && await isAcknowledgement(response);
        const refused = !response.ok && [400, 409, 422].includes(response.status) && isProblem(response);
        if (stored || refused) {
          store(load().filter((e) => e.idempotencyKey !== entry.idempotencyKey));
          if (refused) {
            console.warn('Kiosk rating refused by the server', response.status, await response.text());
          }
        } else {
          failed = true;
          break;
        }
      }
    } finally {
      this.flushing = false;
    }
    if (failed && load().length > 0) {
      const wait = RETRY_MS[Math.min(this.attempt++, RETRY_MS.length - 1)];
      this.retryTimer = setTimeout(() => this.flush(), wait);
    } else {
      this.attempt = 0;
    }
    this.updateOverlay();
  },

  async heartbeat() {
    try {
      await fetch(endpoint('kiosk-device/heartbeat'), {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'X-Hailong-Kiosk': '1' },
        body: JSON.stringify({ unsentRatings: load().length }),
      });
    } catch (e) {
      // offline: the fleet view shows the gap
    }
  },

  /** Inactivity for `seconds` calls `onIdle` (the server discards the survey). */
  startIdle(onIdle, seconds) {
    this.onIdle = onIdle;
    this.idleMs = seconds * 1000;
    this.touch();
  },

  stopIdle() {
    clearTimeout(this.idleTimer);
    this.idleTimer = null;
    this.idleMs = 0;
  },

  touch() {
    if (!this.idleMs) return;
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      this.idleMs = 0;
      if (this.commitAbandoned()) this.flush();
      if (this.onIdle) this.onIdle();
    }, this.idleMs);
  },

  /** A calm notice while the server is out of reach (instead of Vaadin's technical one). */
  updateOverlay() {
    const state = window.Vaadin && window.Vaadin.connectionState && window.Vaadin.connectionState.state;
    const offline = state === 'reconnecting' || state === 'connection-lost';
    let overlay = document.getElementById('kiosk-reconnecting');
    if (!overlay) {
      overlay = document.createElement('div');
      overlay.id = 'kiosk-reconnecting';
      overlay.setAttribute('role', 'status');
      overlay.setAttribute('aria-live', 'polite');
      document.body.append(overlay);
    }
    const pending = load().length;
    const en = document.documentElement.lang === 'en';
    const shown = `${offline}|${pending > 0}|${en}`;
    if (overlay.dataset.shown === shown) return;
    overlay.dataset.shown = shown;
    overlay.hidden = !offline;
    overlay.innerHTML = '';
    const title = document.createElement('p');
    title.className = 'title';
    title.textContent = en ? 'Reconnecting…' : 'Đang kết nối lại…';
    overlay.append(title);
    if (pending > 0) {
      const saved = document.createElement('p');
      saved.textContent = en ? 'Thank you! Your rating is saved on this tablet and will be sent by itself.'
        : 'Cảm ơn ông/bà! Đánh giá đã được lưu trên máy và sẽ tự động gửi đi.';
      overlay.append(saved);
    }
  },
};

/** Where the tablet stands, and the kiosk's service worker (offline shell with the unsent outbox). */
function rememberPlace(centre, counter) {
  try {
    localStorage.setItem(PLACE_KEY, JSON.stringify({ centre, counter }));
  } catch (e) {
    // private mode
  }
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('kiosk-device/kiosk-sw.js', { scope: 'kiosk' })
      .catch((e) => console.warn('Kiosk offline support unavailable', e));
  }
}

/** A tablet not (or no longer) enrolled is not a kiosk: no place, no service worker. */
function forgetPlace() {
  try {
    localStorage.removeItem(PLACE_KEY);
  } catch (e) {
    // private mode
  }
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.getRegistrations().then((all) => all
      .filter((r) => new URL(r.scope).pathname === new URL('kiosk', document.baseURI).pathname)
      .forEach((r) => r.unregister()));
  }
}

/**
 * <hl-kiosk-bridge>: what the server tells the tablet (KioskBridge.java calls these methods), and
 * what the tablet tells the server (this.$server.idle()). Nothing else in the page talks to the
 * server about the outbox.
 */
class HlKioskBridge extends HTMLElement {
  /** A new survey: its answers are mirrored from the first tap on (see kiosk.beginDraft). */
  beginSurvey(idempotencyKey, dossierCode, handoverId, reasonCriterion, reasonOptions, storeAbandoned, entry) {
    kiosk.beginDraft(idempotencyKey, dossierCode, handoverId, reasonCriterion, reasonOptions, storeAbandoned, entry);
  }

  otherReason(text) {
    kiosk.otherReason(text);
  }

  contact(consent, phone) {
    kiosk.contact(consent, phone);
  }

  /** The server's copy of the rating the citizen sent (see kiosk.commitSubmitted). */
  submitted(rating) {
    kiosk.commitSubmitted(rating);
  }

  discardSurvey() {
    kiosk.discardDraft();
  }

  startIdle(seconds) {
    kiosk.startIdle(() => this.$server.idle(), seconds);
  }

  stopIdle() {
    kiosk.stopIdle();
  }

  language(lang) {
    document.documentElement.lang = lang;
  }

  rememberPlace(centre, counter) {
    rememberPlace(centre, counter);
  }

  forgetPlace() {
    forgetPlace();
  }

  /** A part that just opened (a keyboard, a keypad) is brought fully into view above the sticky send button. */
  reveal(element) {
    element.scrollIntoView({ block: 'end' });
  }
}

customElements.define('hl-kiosk-bridge', HlKioskBridge);

// For the tests and for a look in the browser's console.
window.hlKiosk = kiosk;

for (const type of ['pointerdown', 'keydown', 'touchstart']) {
  document.addEventListener(type, () => kiosk.touch(), { capture: true, passive: true });
}
// Taps on answers are mirrored before Vaadin sends them to the server (capture phase), so the
// tablet knows the answers even when the server never receives the taps.
document.addEventListener('click', (event) => {
  const target = event.target && event.target.closest ? event.target.closest('[data-q],[data-reason],[data-send]') : null;
  if (!target) return;
  // The pressed state changes at once too, so a tap shows even while the server is out of reach.
  if (target.dataset.q) {
    const toggles = target.dataset.q !== 'overall';
    const pressed = !(toggles && target.getAttribute('aria-pressed') === 'true');
    for (const other of document.querySelectorAll(`[data-q="${target.dataset.q}"]`)) {
      other.setAttribute('aria-pressed', String(other === target && pressed));
    }
    kiosk.answer(target.dataset.q, target.dataset.o, toggles);
  } else if (target.dataset.reason) {
    target.setAttribute('aria-pressed', String(target.getAttribute('aria-pressed') !== 'true'));
    kiosk.toggleReason(target.dataset.reason);
  } else if (target.hasAttribute('data-send')) {
    kiosk.commitDraft();
  }
}, true);
window.addEventListener('online', () => kiosk.flush());
// A reload or the tablet going to sleep mid-survey: what was answered is kept (localStorage is
// written at once), and sent by the next page.
// A page kept in the back/forward cache may come back: then the survey goes on where it was.
window.addEventListener('pagehide', (event) => kiosk.commitAbandoned(event.persisted));
setInterval(() => {
  kiosk.updateOverlay();
  if (load().length > 0 && !kiosk.flushing && !kiosk.retryTimer) kiosk.flush();
}, 1000);
setInterval(() => kiosk.heartbeat(), 60000);
kiosk.flush();
kiosk.heartbeat();
