package dev.supervision.process;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A process identifier, printed the Erlang way as {@code <node.serial.creation>}, e.g. {@code <0.150.0>}.
 *
 * <ul>
 *   <li>{@code node}: 0 for a process of this JVM's node;</li>
 *   <li>{@code serial}: unique within a runtime and never reused, so a restarted process always has a
 *       new pid;</li>
 *   <li>{@code creation}: tells apart runtimes created in the same JVM, so a pid of one runtime never
 *       reaches a process of another.</li>
 * </ul>
 *
 * <p>{@link #parse(String)} reads back what {@link #toString()} prints, with or without the angle brackets.
 *
 * @param node the node index, 0 for local
 * @param serial the process serial number
 * @param creation the runtime incarnation
 */
public record Pid(int node, long serial, int creation) implements ProcessRef, Comparable<Pid> {

    private static final Pattern FORM = Pattern.compile("<?\\s*(\\d{1,9})\\.(\\d{1,18})\\.(\\d{1,9})\\s*>?");

    /** Validates the parts. */
    public Pid {
        if (node < 0 || serial < 0 || creation < 0) {
            throw new IllegalArgumentException(
                    "pid parts must not be negative: node=" + node + ", serial=" + serial + ", creation=" + creation);
        }
    }

    /**
     * Reads a pid from its printed form, {@code <0.150.0>} or {@code 0.150.0}.
     *
     * @throws IllegalArgumentException naming the text when it is not a pid
     */
    public static Pid parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("not a pid: null (expected the form <0.150.0> or 0.150.0)");
        }
        Matcher m = FORM.matcher(text.strip());
        boolean bracketsBalanced = text.strip().startsWith("<") == text.strip().endsWith(">");
        if (!m.matches() || !bracketsBalanced) {
            throw new IllegalArgumentException("not a pid: '" + text + "' (expected the form <0.150.0> or 0.150.0)");
        }
        return new Pid(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)), Integer.parseInt(m.group(3)));
    }

    /** Orders pids by node, creation, then serial: the order in which a runtime created them. */
    @Override
    public int compareTo(Pid other) {
        int byNode = Integer.compare(node, other.node);
        if (byNode != 0) {
            return byNode;
        }
        int byCreation = Integer.compare(creation, other.creation);
        return byCreation != 0 ? byCreation : Long.compare(serial, other.serial);
    }

    /** The Erlang form, {@code <node.serial.creation>}. */
    @Override
    public String toString() {
        return "<" + node + "." + serial + "." + creation + ">";
    }
}
