package vn.hailong.kiosk;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import vn.hailong.directory.DirectoryService;
import vn.hailong.platform.InvalidInputException;
import vn.hailong.platform.Roles;
import vn.hailong.platform.StartupTask;

/**
 * Applies {@code kiosk-config/} at start-up ({@code hailong.kiosk.config-dir}; empty = off): creates
 * or updates the centres, counters and devices it names, in that order. Devices registered in the
 * administrators' page and absent from the files are left alone; enrolments are kept. A broken
 * file or entry stops nothing else: it is reported (file, line, field) and skipped.
 */
@Component
class SiteConfigurationLoader implements StartupTask {

    private static final Logger log = LoggerFactory.getLogger(SiteConfigurationLoader.class);

    private final DirectoryService directory;
    private final KioskDeviceService devices;
    private final @Nullable String folder;

    SiteConfigurationLoader(DirectoryService directory, KioskDeviceService devices, KioskProperties properties) {
        this.directory = directory;
        this.devices = devices;
        this.folder = properties.configDir();
    }

    /** After the demo data, whose counters the demo site's devices name. */
    @Override
    public Step step() {
        return Step.KIOSK_CONFIGURATION;
    }

    @Override
    public void run() {
        if (folder == null || folder.isBlank()) {
            return;
        }
        List<String> problems = apply(SiteConfiguration.read(Path.of(folder)));
        problems.forEach(p -> log.warn("Kiosk configuration: {}", p));
    }

    /** Applies a site; answers the problems (of reading and of applying). */
    List<String> apply(SiteConfiguration.Site site) {
        List<String> problems = new ArrayList<>(site.problems());
        SecurityContext before = SecurityContextHolder.getContext();
        SecurityContext system = SecurityContextHolder.createEmptyContext();
        // The site's files are written by its administrators; applying them is an administrator's act.
        system.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "kiosk-config", null, List.of(new SimpleGrantedAuthority("ROLE_" + Roles.ADMIN))));
        SecurityContextHolder.setContext(system);
        int applied = 0;
        try {
            for (SiteConfiguration.Centre c : site.centres()) {
                applied += attempt(problems, c.where(), () -> directory.upsertCentre(c.code(), c.name(), c.agency()));
            }
            for (SiteConfiguration.Counter c : site.counters()) {
                applied += attempt(problems, c.where(), () -> directory.upsertCounter(c.code(), c.name(), c.centre()));
            }
            for (SiteConfiguration.Device d : site.devices()) {
                applied += attempt(problems, d.where(), () -> {
                    devices.register(d.code(), d.counter(), d.locale(), d.idleTimeoutSeconds(), d.thankYouSeconds());
                    // The file is the truth for the devices it lists: no template or branding there clears them.
                    devices.configureLook(d.code(), d.template(), d.branding());
                    devices.configureUnboundRatings(d.code(), d.unboundRatings());
                    devices.configureAbandonedSurveys(d.code(), d.abandonedSurveys());
                });
            }
        } finally {
            SecurityContextHolder.setContext(before);
        }
        log.info("Kiosk configuration from {}: {} entries applied, {} problems", folder, applied, problems.size());
        return problems;
    }

    private static int attempt(List<String> problems, String where, Runnable action) {
        try {
            action.run();
            return 1;
        } catch (InvalidInputException e) {
            problems.add(where + ": " + e.getMessage() + " (entry skipped)");
        } catch (RuntimeException e) {
            problems.add(where + ": could not be applied: " + e.getMessage() + " (entry skipped)");
        }
        return 0;
    }
}
