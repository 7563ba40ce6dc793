package vn.hailong.cluster;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * The mail server of the cluster proof: a tiny SMTP sink on 127.0.0.1 that accepts every message
 * and counts them by subject (each follow-up e-mail names its dossier in the subject), so that the
 * proof can tell each mail sent once from one sent twice by two nodes.
 */
final class SmtpSink implements AutoCloseable {

    private final ServerSocket server;
    final Map<String, AtomicInteger> bySubject = new ConcurrentHashMap<>();
    final AtomicInteger messages = new AtomicInteger();

    SmtpSink(int port) throws IOException {
        server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("smtp-sink").start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    Thread.ofVirtual().start(() -> serve(s));
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    private void serve(Socket socket) {
        try (socket;
                BufferedReader in = new BufferedReader(
                        new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
                OutputStream out = socket.getOutputStream()) {
            reply(out, "220 proof-sink ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String cmd = line.length() >= 4
                        ? line.substring(0, 4).toUpperCase(Locale.ROOT)
                        : line.toUpperCase(Locale.ROOT);
                switch (cmd) {
                    case "EHLO" -> reply(out, "250-proof-sink\r\n250 8BITMIME");
                    case "HELO" -> reply(out, "250 proof-sink");
                    case "DATA" -> {
                        reply(out, "354 end with .");
                        StringBuilder data = new StringBuilder();
                        while ((line = in.readLine()) != null && !line.equals(".")) {
                            data.append(line.startsWith("..") ? line.substring(1) : line)
                                    .append("\r\n");
                        }
                        count(data.toString());
                        reply(out, "250 queued");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "250 ok");
                }
            }
        } catch (IOException e) {
            // a node killed mid-conversation
        }
    }

    private void count(String raw) {
        String subject;
        try {
            subject = new MimeMessage(
                            Session.getInstance(new Properties()),
                            new ByteArrayInputStream(raw.getBytes(StandardCharsets.ISO_8859_1)))
                    .getSubject();
        } catch (Exception e) {
            subject = "(unreadable) " + e;
        }
        messages.incrementAndGet();
        bySubject
                .computeIfAbsent(String.valueOf(subject), k -> new AtomicInteger())
                .incrementAndGet();
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
