package vn.hailong.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A minimal HTTP/1.1 client for benchmarks: one keep-alive connection, used by one thread, requests
 * built once as bytes (a GET with {@link #request}, any method with a body and headers with
 * {@link #request(String, String, int, String, String, java.util.List)}), the answer read in full
 * (Content-Length or chunked) and its status answered.
 *
 * <p>Why: {@link java.net.http.HttpClient} costs a good part of a millisecond of CPU per request
 * (its selector thread, executor hand-offs, header maps, body subscribers). On a 2-core machine
 * where client and server share the CPUs, that cost is taken from the server, while in-process
 * drawing pays no client at all. This client costs a few microseconds per request, so that a run
 * measures the server's cost rather than the client's. It is not a general HTTP client: no
 * redirects, no TLS, no compression, no pipelining; when the server answers "Connection: close"
 * it opens a new connection for the next request.
 */
final class KeepAliveHttpClient implements LoadRunner.Client {

    private final InetSocketAddress address;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final byte[][] requests;
    private final int expectedStatus;
    private final byte[] line = new byte[8192];
    private byte[] body = new byte[16384];

    /**
     * A connection whose operation {@code op} sends {@code requests[op % requests.length]} (see
     * {@link #request}) and expects {@code expectedStatus}.
     */
    KeepAliveHttpClient(String host, int port, byte[][] requests, int expectedStatus) throws IOException {
        this.requests = requests;
        this.expectedStatus = expectedStatus;
        this.address = new InetSocketAddress(host, port);
        connect();
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(address, 10_000);
        socket.setSoTimeout(30_000);
        in = new BufferedInputStream(socket.getInputStream(), 16384);
        out = socket.getOutputStream();
    }

    /** A GET request's bytes, built once and sent as often as needed. */
    static byte[] request(String host, int port, String pathAndQuery, String bearerKey) {
        return ("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n"
                        + (bearerKey == null ? "" : "Authorization: Bearer " + bearerKey + "\r\n") + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Any request's bytes: {@code method path}, the given header lines ("Name: value"), and the
     * body (UTF-8, with its Content-Length; none when null).
     */
    static byte[] request(
            String method, String host, int port, String pathAndQuery, String body, List<String> headers) {
        StringBuilder head = new StringBuilder(method)
                .append(' ')
                .append(pathAndQuery)
                .append(" HTTP/1.1\r\nHost: ")
                .append(host)
                .append(':')
                .append(port)
                .append("\r\n");
        headers.forEach(h -> head.append(h).append("\r\n"));
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            head.append("Content-Length: ").append(content.length).append("\r\n");
        }
        head.append("\r\n");
        byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] all = Arrays.copyOf(start, start.length + content.length);
        System.arraycopy(content, 0, all, start.length, content.length);
        return all;
    }

    /** The body of the last answer read by {@link #exchange} (for failure messages), at most 300 characters. */
    String lastBody() {
        return new String(body, 0, Math.min(lastLength, 300), StandardCharsets.UTF_8);
    }

    private int lastLength;

    /** Sends the request and reads the whole answer; throws unless the status is {@code expectedStatus} (and 200 has a body). */
    private void get(byte[] request, int expectedStatus) throws IOException {
        int status = exchange(request);
        if (status != expectedStatus || (expectedStatus == 200 && lastLength == 0)) {
            throw new IllegalStateException("HTTP " + status + " with " + lastLength + " bytes");
        }
    }

    /** Sends the request, reads the whole answer and answers its status (the body is in {@link #lastBody()}). */
    int exchange(byte[] request) throws IOException {
        out.write(request);
        out.flush();
        int length = readLine();
        if (length < 12 || line[0] != 'H' || line[8] != ' ') {
            throw new IOException(
                    "not an HTTP answer: " + new String(line, 0, Math.max(0, length), StandardCharsets.US_ASCII));
        }
        int status = (line[9] - '0') * 100 + (line[10] - '0') * 10 + (line[11] - '0');
        long contentLength = -1;
        boolean chunked = false;
        boolean close = false;
        while ((length = readLine()) > 0) {
            if (startsWithIgnoreCase(length, "content-length:")) {
                contentLength = Long.parseLong(value(length, 15));
            } else if (startsWithIgnoreCase(length, "transfer-encoding:")) {
                chunked = value(length, 18).equalsIgnoreCase("chunked");
            } else if (startsWithIgnoreCase(length, "connection:")) {
                close = value(length, 11).equalsIgnoreCase("close");
            }
        }
        long received;
        if (chunked) {
            received = 0;
            while (true) {
                int size = Integer.parseInt(value(readLine(), 0).split(";", 2)[0], 16);
                if (size == 0) {
                    while (readLine() > 0) {
                        // trailers
                    }
                    break;
                }
                readFully(size);
                received += size;
                readLine();
            }
        } else if (contentLength >= 0) {
            readFully((int) contentLength);
            received = contentLength;
        } else {
            throw new IOException("answer without Content-Length or chunked body (status " + status + ")");
        }
        if (close) {
            // Tomcat ends a keep-alive connection after max-keep-alive-requests (100 by default):
            // open the next one now, as any client would (its cost is part of the measurement).
            socket.close();
            connect();
        }
        lastLength = (int) Math.min(received, body.length);
        return status;
    }

    private int readLine() throws IOException {
        int n = 0;
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                return n > 0 && line[n - 1] == '\r' ? n - 1 : n;
            }
            if (n == line.length) {
                throw new IOException("header line longer than " + line.length + " bytes");
            }
            line[n++] = (byte) c;
        }
        throw new IOException("connection closed by the server");
    }

    private void readFully(int size) throws IOException {
        if (body.length < size) {
            body = new byte[size];
        }
        int read = 0;
        while (read < size) {
            int n = in.read(body, read, size - read);
            if (n < 0) {
                throw new IOException("connection closed in the body");
            }
            read += n;
        }
    }

    private boolean startsWithIgnoreCase(int length, String prefix) {
        if (length < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (Character.toLowerCase(line[i]) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private String value(int length, int from) {
        return new String(line, from, length - from, StandardCharsets.US_ASCII).strip();
    }

    @Override
    public void call(int op) throws IOException {
        get(requests[op % requests.length], expectedStatus);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
