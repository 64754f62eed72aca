package dev.ascent.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 exchange exactly as written: no client library normalises the path or the headers,
 * so tests can send {@code //api}, {@code /%61pi} or {@code /x/../api} as an attacker would.
 */
public final class RawHttp {

    /** The status, content type and body of an answer. */
    public record Answer(int status, String contentType, String body) {
    }

    private RawHttp() {
    }

    /** Sends {@code method path} to {@code host:port}; a non-null body goes as JSON with its length. */
    public static Answer send(String host, int port, String method, String path, Map<String, String> headers,
                              String body) throws IOException {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder request = new StringBuilder().append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append(':').append(port).append("\r\nConnection: close\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        if (body != null) {
            request.append("Content-Type: application/json\r\nContent-Length: ").append(content.length).append("\r\n");
        }
        request.append("\r\n");
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            try {
                out.write(content);
                out.flush();
            } catch (IOException answeredBeforeReading) {
                // the server refused before reading the body; its answer is still there to read
            }
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int end = answer.indexOf("\r\n\r\n");
            String head = end < 0 ? answer : answer.substring(0, end);
            String contentType = head.lines().filter(l -> l.toLowerCase(Locale.ROOT).startsWith("content-type:"))
                    .map(l -> l.substring(13).trim()).findFirst().orElse("");
            return new Answer(Integer.parseInt(head.substring(9, 12)), contentType, end < 0 ? "" : answer.substring(end + 4));
        }
    }
}
