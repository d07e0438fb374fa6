package io.clientbook.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpServer;

/** A webhook receiver on loopback for tests: answers the scripted status codes (then 204) and keeps every request. */
final class Receiver implements AutoCloseable {

    /** A request as received: headers (names lower-cased) and the raw body. */
    record Received(Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    private final HttpServer server;
    private final Deque<Integer> script;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private Receiver(List<Integer> statuses) throws IOException {
        this.script = new ArrayDeque<>(statuses);
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                Map<String, String> headers = new TreeMap<>();
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
                received.add(new Received(headers, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
            int status;
            synchronized (script) {
                status = script.isEmpty() ? 204 : script.poll();
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    static Receiver answering(Integer... statuses) throws IOException {
        return new Receiver(List.of(statuses));
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    List<Received> received(Predicate<Received> which) {
        return received.stream().filter(which).toList();
    }

    /** Waits until at least {@code count} requests match; returns them. */
    List<Received> await(Predicate<Received> which, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (received(which).size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return received(which);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
