package dev.ascent.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * GETs over plain HTTP/1.1 keep-alive sockets, read and written on the caller's thread; a call takes an
 * idle connection to its address (or opens one) and gives it back when the answer is read, so as many
 * connections stay open as calls ran at once, whichever threads make them. For latency measures that
 * compare two paths on a machine the load generator shares: the JDK's client hands every call to its
 * selector thread and back and spent more CPU per call than the gateway it measured, which showed up in
 * both paths' latencies as queueing (README, 2026-12-03). This one costs a write and a read per call,
 * as {@code ab} does.
 */
final class KeepAliveGets implements AutoCloseable {

    private record Connection(Socket socket, OutputStream out, InputStream in) {
    }

    private final Map<String, Deque<Connection>> idle = new ConcurrentHashMap<>();
    private final List<Socket> opened = new CopyOnWriteArrayList<>();

    /** The status of {@code GET url} with these headers; the body is read and dropped. */
    int get(URI url, Map<String, String> headers) throws IOException {
        String address = url.getHost() + ":" + url.getPort();
        Deque<Connection> free = idle.computeIfAbsent(address, k -> new ConcurrentLinkedDeque<>());
        Connection connection = free.pollFirst();
        if (connection == null) {
            connection = open(url);
        }
        StringBuilder request = new StringBuilder(256).append("GET ").append(url.getRawPath())
                .append(url.getRawQuery() == null ? "" : "?" + url.getRawQuery()).append(" HTTP/1.1\r\nHost: ")
                .append(address).append("\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        Answer answer;
        try {
            connection.out().write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            connection.out().flush();
            answer = read(connection);
        } catch (IOException | RuntimeException e) {
            connection.socket().close();
            throw e;
        }
        if (answer.close()) { // the server ends the connection: a later call opens another
            connection.socket().close();
        } else {
            free.offerFirst(connection);
        }
        return answer.status();
    }

    private Connection open(URI url) throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(60_000);
        socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), 5_000);
        opened.add(socket);
        return new Connection(socket, socket.getOutputStream(), new BufferedInputStream(socket.getInputStream(), 64 * 1024));
    }

    private record Answer(int status, boolean close) {
    }

    private Answer read(Connection connection) throws IOException {
        InputStream in = connection.in();
        String statusLine = line(in);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP answer: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> close = value.equalsIgnoreCase("close");
                default -> { }
            }
        }
        if (chunked) {
            for (long size = Long.parseLong(line(in).split(";", 2)[0].trim(), 16); size > 0;
                 size = Long.parseLong(line(in).split(";", 2)[0].trim(), 16)) {
                skip(in, size);
                line(in);
            }
            for (String trailer = line(in); !trailer.isEmpty(); trailer = line(in)) {
                // trailers, dropped
            }
        } else if (length > 0) {
            skip(in, length);
        }
        return new Answer(status, close);
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed mid-answer");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    private static void skip(InputStream in, long bytes) throws IOException {
        long left = bytes;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new IOException("connection closed mid-body");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    @Override
    public void close() throws IOException {
        for (Socket socket : opened) {
            socket.close();
        }
        opened.clear();
        idle.clear();
    }
}
