package dev.supervision.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervision.cluster.codec.Allowlist;
import dev.supervision.cluster.codec.Frame;
import dev.supervision.cluster.codec.MessageCodec;
import dev.supervision.cluster.codec.UndecodableException;
import dev.supervision.cluster.codec.WireReason;
import dev.supervision.cluster.harness.Messages;
import dev.supervision.outside.Unlisted;
import dev.supervision.process.ExitReason;
import dev.supervision.process.Pid;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The codec: pids keep their node across nodes, only allowlisted types decode, no bytes crash it. */
class CodecTest {

    private final NodeTable here = new NodeTable(new NodeId("a@h", 1));
    private final NodeTable there = new NodeTable(new NodeId("b@h", 2));
    private final MessageCodec encoder = new MessageCodec(here, Allowlist.of(List.of("dev.supervision.cluster.")));
    private final MessageCodec decoder = new MessageCodec(there, Allowlist.of(List.of("dev.supervision.cluster.")));

    @Test
    void pidsAreMappedToEachNodesIndices() throws Exception {
        Pid local = new Pid(0, 17, 0);
        Object decoded = decoder.decodePayload(encoder.encodePayload(new Messages.Seq(local, 5)));
        Pid seenThere = ((Messages.Seq) decoded).sender();
        assertThat(seenThere.node()).isPositive();
        assertThat(there.idOf(seenThere.node())).isEqualTo(new NodeId("a@h", 1));
        Object back = encoder.decodePayload(decoder.encodePayload(seenThere));
        assertThat(back).isEqualTo(local);
    }

    @Test
    void valuesAndFramesRoundTrip() throws Exception {
        for (Object value : List.of("text", 42, 42L, 1.5, true, List.of(1, 2), Map.of("k", "v"), new Messages.Counted(3, 0))) {
            assertThat(decoder.decodePayload(encoder.encodePayload(value))).isEqualTo(value);
        }
        Frame.Exit exit = new Frame.Exit(new Pid(0, 1, 0), null, "db", WireReason.of(ExitReason.KILL));
        Frame decoded = decoder.decodeFrame(encoder.encodeFrame(exit), 0, encoder.encodeFrame(exit).length);
        assertThat(decoded).isInstanceOf(Frame.Exit.class);
        assertThat(((Frame.Exit) decoded).reason().toReason()).isEqualTo(ExitReason.KILL);
        assertThat(WireReason.of(ExitReason.crash(new IllegalStateException("boom"))).toReason().toString())
                .isEqualTo("{java.lang.IllegalStateException,boom}");
    }

    @Test
    void namingFramesRoundTripWithTheirPidsMapped() throws Exception {
        Pid local = new Pid(0, 7, 0);
        Pid seenThere = there.fromWire(here.toWire(local));
        List<Frame.Naming> frames = List.of(new Frame.Naming.Claim(1, "mailer", local),
                new Frame.Naming.ClaimAnswer(1, "mailer", local, true), new Frame.Naming.NameHeld("mailer", local),
                new Frame.Naming.NameFreed("mailer", local), new Frame.Naming.NameDrop("mailer"),
                new Frame.Naming.NamesHeld(Map.of("mailer", local, "printer", local)), new Frame.Naming.NamesHeld(Map.of()),
                new Frame.Naming.GroupJoined("workers", List.of(local)),
                new Frame.Naming.GroupLeft("workers", List.copyOf(java.util.Collections.nCopies(2, local))),
                new Frame.Naming.GroupsHeld(Map.of("workers", List.of(local, local), "idle", List.of(local)), true));
        List<Frame.Naming> expected = List.of(new Frame.Naming.Claim(1, "mailer", seenThere),
                new Frame.Naming.ClaimAnswer(1, "mailer", seenThere, true), new Frame.Naming.NameHeld("mailer", seenThere),
                new Frame.Naming.NameFreed("mailer", seenThere), new Frame.Naming.NameDrop("mailer"),
                new Frame.Naming.NamesHeld(Map.of("mailer", seenThere, "printer", seenThere)),
                new Frame.Naming.NamesHeld(Map.of()), new Frame.Naming.GroupJoined("workers", List.of(seenThere)),
                new Frame.Naming.GroupLeft("workers", List.of(seenThere, seenThere)),
                new Frame.Naming.GroupsHeld(Map.of("workers", List.of(seenThere, seenThere), "idle", List.of(seenThere)), true));
        for (int i = 0; i < frames.size(); i++) {
            byte[] bytes = encoder.encodeFrame(frames.get(i));
            assertThat(decoder.decodeFrame(bytes, 0, bytes.length)).isEqualTo(expected.get(i));
        }
    }

    @Test
    void anUnlistedTypeIsNeverDecodedAndIsNamed() throws Exception {
        byte[] bytes = encoder.encodePayload(new Unlisted("x"));
        assertThatThrownBy(() -> decoder.decodePayload(bytes)).isInstanceOf(UndecodableException.class)
                .satisfies(e -> assertThat(((UndecodableException) e).typeName()).isEqualTo(Unlisted.class.getName()));
        byte[] nested = encoder.encodePayload(List.of(new Unlisted("inside")));
        assertThatThrownBy(() -> decoder.decodePayload(nested)).isInstanceOf(UndecodableException.class)
                .hasMessageContaining(Unlisted.class.getName());
    }

    @Test
    void randomAndDamagedBytesNeverEscapeAsAnythingButUndecodable() throws Exception {
        Random random = new Random(20261201);
        byte[] good = encoder.encodeFrame(new Frame.Send(new Pid(0, 3, 0), null, encoder.encodePayload("hello")));
        for (int i = 0; i < 20_000; i++) {
            byte[] bytes;
            if (i % 2 == 0) {
                bytes = new byte[random.nextInt(200)];
                random.nextBytes(bytes);
            } else {
                bytes = good.clone();
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt();
                bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
            }
            try {
                decoder.decodeFrame(bytes, 0, bytes.length);
            } catch (UndecodableException expected) {
                // dropped
            }
            try {
                decoder.decodePayload(bytes);
            } catch (UndecodableException expected) {
                // dropped
            }
        }
    }
}
