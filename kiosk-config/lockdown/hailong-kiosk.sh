#!/bin/sh
# Starts chromium locked to the Hài Lòng kiosk page. KIOSK_URL: the public address of /kiosk.
# The profile folder keeps the device cookie received at enrolment: do not wipe it.
set -eu
KIOSK_URL="${KIOSK_URL:-https://hailong.example.gov.vn/kiosk}"
PROFILE="${KIOSK_PROFILE:-$HOME/.config/hailong-kiosk}"
exec chromium \
  --kiosk "$KIOSK_URL" \
  --user-data-dir="$PROFILE" \
  --no-first-run --noerrdialogs --disable-infobars --disable-translate \
  --disable-session-crashed-bubble --disable-features=TranslateUI \
  --overscroll-history-navigation=0 --disable-pinch \
  --autoplay-policy=no-user-gesture-required
