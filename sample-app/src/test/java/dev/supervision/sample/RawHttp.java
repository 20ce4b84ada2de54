package dev.supervision.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Raw HTTP/1.1 over a socket, for requests {@code java.net.http} refuses to send (a broken URL). */
final class RawHttp {

    /**
     * A raw answer.
     *
     * @param status the status code from the status line
     * @param head the status line and headers
     * @param body the body
     */
    record Answer(int status, String head, String body) {
    }

    private RawHttp() {
    }

    /** Sends {@code requestLine} with a Host and {@code Connection: close}; reads the whole answer. */
    static Answer send(int port, String requestLine) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int split = all.indexOf("\r\n\r\n");
            String head = split < 0 ? all : all.substring(0, split);
            String body = split < 0 ? "" : all.substring(split + 4);
            return new Answer(Integer.parseInt(head.substring(9, 12)), head, body);
        }
    }
}
