package vn.hailong.survey.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The survey page's one stylesheet, under a name carrying a hash of its content: phones may keep
 * it for a year (a changed stylesheet gets a new name), so only the first page costs the request.
 */
@Controller
class SurveyAssets {

    static final String PATH = "/survey-assets/";

    private final byte[] css;
    private final String cssName;

    SurveyAssets() {
        try (InputStream in = new ClassPathResource("survey/survey.css").getInputStream()) {
            css = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(css);
            cssName = "survey." + HexFormat.of().formatHex(digest, 0, 6) + ".css";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    String cssUrl() {
        return PATH + cssName;
    }

    @GetMapping(PATH + "{name:.+}")
    ResponseEntity<String> asset(@PathVariable String name) {
        if (!name.equals(cssName)) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "css", StandardCharsets.UTF_8))
                .cacheControl(
                        CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .body(new String(css, StandardCharsets.UTF_8));
    }
}
