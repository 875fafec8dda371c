package dev.plumbline.collectors.prometheus.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.plumbline.collectors.prometheus.remote.prompb.ReadRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.xerial.snappy.Snappy;

/**
 * What the client asks and how it takes a server that does not stream: a real HTTP server on loopback records the
 * request (headers as the protocol names them, a snappy ReadRequest accepting only streamed chunks) and answers as
 * a server without streaming or with an error would.
 */
class RemoteReadClientTest {

    private record Seen(Map<String, String> headers, ReadRequest request) {
    }

    private static String answer(int status, String type, String body, AtomicReference<Seen> seen) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/read", exchange -> {
            byte[] in = exchange.getRequestBody().readAllBytes();
            seen.set(new Seen(Map.of("Content-Encoding", exchange.getRequestHeaders().getFirst("Content-Encoding"),
                    "Content-Type", exchange.getRequestHeaders().getFirst("Content-Type"),
                    "X-Prometheus-Remote-Read-Version",
                    exchange.getRequestHeaders().getFirst("X-Prometheus-Remote-Read-Version"),
                    "Authorization", exchange.getRequestHeaders().getFirst("Authorization")),
                    ReadRequest.parseFrom(Snappy.uncompress(in))));
            byte[] out = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", type);
            exchange.sendResponseHeaders(status, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.start();
        try {
            new RemoteReadClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/read"),
                    HttpClient.newHttpClient(), Duration.ofSeconds(10), Map.of("Authorization", "Bearer t0ken"))
                    .read(List.of(RemoteReadClient.equal("__name__", "up")), 1_000, 2_000, (l, s) -> { });
            return "read";
        } catch (IOException e) {
            return e.getMessage();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void the_request_is_a_snappy_read_request_for_streamed_chunks_with_the_protocols_headers() throws Exception {
        AtomicReference<Seen> seen = new AtomicReference<>();
        assertThat(answer(200, RemoteReadClient.STREAMED + "; proto=prometheus.ChunkedReadResponse", "", seen))
                .isEqualTo("read");
        assertThat(seen.get().headers()).containsEntry("Content-Encoding", "snappy")
                .containsEntry("Content-Type", "application/x-protobuf")
                .containsEntry("X-Prometheus-Remote-Read-Version", "0.1.0")
                .containsEntry("Authorization", "Bearer t0ken");
        ReadRequest r = seen.get().request();
        assertThat(r.getAcceptedResponseTypesList()).containsExactly(ReadRequest.ResponseType.STREAMED_XOR_CHUNKS);
        assertThat(r.getQueries(0).getStartTimestampMs()).isEqualTo(1_000);
        assertThat(r.getQueries(0).getEndTimestampMs()).isEqualTo(2_000);
        assertThat(r.getQueries(0).getMatchers(0).getValue()).isEqualTo("up");
    }

    @Test
    void a_server_that_does_not_stream_or_fails_is_named_so_the_collector_can_fall_back() throws Exception {
        AtomicReference<Seen> seen = new AtomicReference<>();
        assertThat(answer(200, "application/x-protobuf", "", seen)).contains("not streamed chunks")
                .contains("needs query_range");
        assertThat(answer(400, "text/plain", "remote read is disabled", seen)).contains("HTTP 400")
                .contains("remote read is disabled");
    }
}
