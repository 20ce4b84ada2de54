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
    void messagesCallsAndRepliesRoundTripInTheirCompactFormWithPidsMapped() throws Exception {
        Pid local = new Pid(0, 9, 2);
        Pid seenThere = there.fromWire(here.toWire(local));
        byte[] payload = encoder.encodePayload(new Messages.Counted(3, 0));
        List<Frame> frames = List.of(new Frame.Send(local, null, payload), new Frame.Send(null, "sink", payload),
                new Frame.Call(Long.MAX_VALUE, null, null, "échoé", payload), new Frame.Call(7, local, local, null, payload),
                new Frame.Reply(-1, payload), new Frame.Reply(8, new byte[0]));
        for (Frame frame : frames) {
            byte[] bytes = encoder.encodeFrame(frame);
            assertThat(bytes[0]).as("compact, not Smile (which starts with ':')").isNotEqualTo((byte) ':');
            byte[] framed = new byte[bytes.length + 3];
            System.arraycopy(bytes, 0, framed, 2, bytes.length);
            Frame decoded = decoder.decodeFrame(framed, 2, bytes.length);
            assertThat(decoded).usingRecursiveComparison()
                    .isEqualTo(switch (frame) {
                        case Frame.Send send -> new Frame.Send(send.pid() == null ? null : seenThere, send.name(), send.payload());
                        case Frame.Call call -> new Frame.Call(call.id(), call.caller() == null ? null : seenThere,
                                call.pid() == null ? null : seenThere, call.name(), call.payload());
                        default -> frame;
                    });
        }
        Frame.Send send = (Frame.Send) decoder.decodeFrame(encoder.encodeFrame(frames.get(0)), 0,
                encoder.encodeFrame(frames.get(0)).length);
        assertThat(decoder.decodePayload(send.payload())).isEqualTo(new Messages.Counted(3, 0));
    }

    @Test
    void aCompactFrameCutShortOrWithABadPresenceByteIsUndecodable() throws Exception {
        byte[] bytes = encoder.encodeFrame(new Frame.Call(5, new Pid(0, 1, 0), null, "db", encoder.encodePayload("q")));
        for (int length = 1; length < 30; length++) {
            int cut = length;
            assertThatThrownBy(() -> decoder.decodeFrame(bytes, 0, cut)).isInstanceOf(UndecodableException.class);
        }
        byte[] badFlag = bytes.clone();
        badFlag[9] = 7; // the caller's presence byte, after the tag and the id
        assertThatThrownBy(() -> decoder.decodeFrame(badFlag, 0, badFlag.length))
                .isInstanceOf(UndecodableException.class).hasMessageContaining("presence byte is 7");
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
        List<byte[]> goods = List.of(
                encoder.encodeFrame(new Frame.Send(new Pid(0, 3, 0), null, encoder.encodePayload("hello"))),
                encoder.encodeFrame(new Frame.Call(4, new Pid(0, 3, 0), null, "db", encoder.encodePayload("q"))),
                encoder.encodeFrame(new Frame.Reply(4, encoder.encodePayload(List.of(1, 2)))),
                encoder.encodeFrame(new Frame.Ping(4)));
        for (int i = 0; i < 20_000; i++) {
            byte[] good = goods.get(i / 2 % goods.size());
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
