// An example receiver of Hài Lòng's dossier.returned webhook (docs/api.md, "Integrating"): it checks the
// Standard Webhooks signature and hands the survey link to the province's SMS or Zalo gateway
// (here: prints it). Run with a JDK 21+, no build needed:
//
//   WEBHOOK_SECRET='whsec_...' java DossierReturnedReceiver.java 9000
//
// Register https://<this host>/hailong as an endpoint for "dossier.returned" (https in prod).
import com.sun.net.httpserver.HttpServer;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

public class DossierReturnedReceiver {

    /** webhook-ids already handled: a delivery may come more than once (at least once). Keep them in your database. */
    static final Set<String> seen = ConcurrentHashMap.newKeySet();

    public static void main(String[] args) throws Exception {
        String secret = System.getenv("WEBHOOK_SECRET");
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        HttpServer server = HttpServer.create(new InetSocketAddress(args.length > 0 ? Integer.parseInt(args[0]) : 9000), 0);
        server.createContext("/hailong", exchange -> {
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signatures = exchange.getRequestHeaders().getFirst("webhook-signature");
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status;
            if (id == null || timestamp == null || signatures == null || !valid(key, id, timestamp, body, signatures)) {
                status = 401; // not from Hài Lòng, or replayed long after
            } else {
                if (seen.add(id) && body.contains("\"type\":\"dossier.returned\"")) {
                    // A JSON library is the right tool; two fields are enough for the example.
                    System.out.println("invite citizen of " + field(body, "dossierCode") + ": " + field(body, "surveyLink"));
                }
                status = 204; // answer 2xx quickly; do slow work (sending the SMS) afterwards
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    static boolean valid(byte[] key, String id, String timestamp, String body, String signatures) {
        long sent = Long.parseLong(timestamp);
        if (Math.abs(Instant.now().getEpochSecond() - sent) > 300) {
            return false; // older (or newer) than 5 minutes: refuse replays
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] expected = ("v1," + Base64.getEncoder().encodeToString(
                    mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)))).getBytes(StandardCharsets.US_ASCII);
            for (String candidate : signatures.split(" ")) {
                if (MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.US_ASCII))) {
                    return true;
                }
            }
            return false;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : "";
    }
}
