package dev.supervision.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Several frames in one message: lengths as varints, read back in order; bad lengths are refused. */
class FrameBatchTest {

    @Test
    void framesComeBackInOrderWithTheirBytes() {
        byte[] empty = {};
        byte[] small = {1, 2, 3};
        byte[] large = new byte[200_000]; // a three-byte length
        Arrays.fill(large, (byte) 7);
        byte[] joined = FrameBatch.join(List.of(small, empty, large, small));
        assertThat(joined).hasSize(1 + 3 + 1 + 3 + 200_000 + 1 + 3);
        assertThat(split(joined, 0, joined.length)).containsExactly(small, empty, large, small);
    }

    @Test
    void aMessageInsideALargerArrayIsReadWithinItsBounds() {
        byte[] joined = FrameBatch.join(List.of(new byte[] {9}, new byte[] {8, 8}));
        byte[] padded = new byte[joined.length + 4];
        System.arraycopy(joined, 0, padded, 2, joined.length);
        assertThat(split(padded, 2, joined.length)).containsExactly(new byte[] {9}, new byte[] {8, 8});
    }

    @Test
    void aLengthPastTheMessageIsRefusedAfterTheFramesBeforeIt() {
        byte[] joined = FrameBatch.join(List.of(new byte[] {5}, new byte[] {6, 6, 6}));
        List<byte[]> seen = new ArrayList<>();
        assertThatThrownBy(() -> FrameBatch.split(joined, 0, joined.length - 1, (bytes, offset, length) ->
                seen.add(Arrays.copyOfRange(bytes, offset, offset + length))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("runs past the message");
        assertThat(seen).containsExactly(new byte[] {5});
    }

    @Test
    void anEndlessLengthIsRefused() {
        byte[] bad = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff};
        assertThatThrownBy(() -> split(bad, 0, bad.length)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("malformed");
        byte[] cut = {(byte) 0x80};
        assertThatThrownBy(() -> split(cut, 0, cut.length)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("malformed");
    }

    private static List<byte[]> split(byte[] bytes, int offset, int length) {
        List<byte[]> frames = new ArrayList<>();
        FrameBatch.split(bytes, offset, length, (in, at, size) -> frames.add(Arrays.copyOfRange(in, at, at + size)));
        return frames;
    }
}
