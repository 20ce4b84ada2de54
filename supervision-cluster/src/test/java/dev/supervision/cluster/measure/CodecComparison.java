package dev.supervision.cluster.measure;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.apache.fory.Fory;
import org.apache.fory.config.Language;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.cbor.CBORMapper;
import tools.jackson.dataformat.smile.SmileMapper;

/**
 * The measurement behind the codec choice (docs/distribution.md): encodes and decodes one record of
 * the kind applications send, with Jackson Smile, Jackson CBOR and Apache Fory (class registration
 * required), and prints nanoseconds per round trip and bytes per message. Run by hand:
 * {@code java -cp <test class path> dev.supervision.cluster.measure.CodecComparison}.
 */
public final class CodecComparison {

    /** A typical message. */
    public record Order(long id, String customer, int quantity, List<String> items, boolean express) {
    }

    private CodecComparison() {
    }

    public static void main(String[] args) {
        Order order = new Order(123456789L, "customer-42", 3, List.of("apple", "pear", "plum"), true);
        ObjectMapper smile = SmileMapper.builder().build();
        ObjectMapper cbor = CBORMapper.builder().build();
        Fory fory = Fory.builder().withLanguage(Language.JAVA).requireClassRegistration(true).build();
        fory.register(Order.class);
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 300_000;
        for (int pass = 0; pass < 3; pass++) {
            report("smile", rounds, order, smile::writeValueAsBytes, bytes -> smile.readValue(bytes, Order.class));
            report("cbor", rounds, order, cbor::writeValueAsBytes, bytes -> cbor.readValue(bytes, Order.class));
            report("fory", rounds, order, fory::serialize, bytes -> (Order) fory.deserialize(bytes));
        }
    }

    private static void report(String name, int rounds, Order order, Function<Object, byte[]> encode,
            Function<byte[], Order> decode) {
        byte[] bytes = encode.apply(order);
        if (!decode.apply(bytes).equals(order)) {
            throw new IllegalStateException(name + " did not round-trip");
        }
        long start = System.nanoTime();
        long sink = 0;
        for (int i = 0; i < rounds; i++) {
            sink += decode.apply(encode.apply(order)).quantity();
        }
        double nanos = (System.nanoTime() - start) / (double) rounds;
        System.out.println(String.format(Locale.ROOT, "%-6s %7.0f ns per encode+decode, %3d bytes (%d)", name, nanos,
                bytes.length, sink % 7));
    }
}
