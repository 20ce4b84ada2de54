package dev.supervision.process;

/**
 * How message contents appear in logs and exception messages: escaped so they cannot forge a log line
 * (no raw newline, carriage return, tab, other control or format character, line separator or lone
 * surrogate: each is written as a Java escape such as {@code \n} or {@code \u0000}, and a backslash as
 * {@code \\}) and cut after {@link #DEFAULT_LIMIT} characters with {@code …(N more)}.
 *
 * <p>Contents are rendered by default. The system property {@value #PROPERTY}{@code =false}, read once
 * when this class is initialised, turns them off for {@link #standard()}: only the message's type is
 * rendered then, e.g. {@code InsertNote (contents not logged)}. Other renderings are plain values made
 * with {@link #of(boolean, int)}; nothing here is mutable.
 *
 * @param contents whether the contents are rendered, or only the type
 * @param limit how many characters of the contents at most, before {@code …(N more)}
 */
public record MessageRendering(boolean contents, int limit) {

    /** The system property that turns the rendering of message contents off with {@code false}. */
    public static final String PROPERTY = "dev.supervision.logMessageContents";

    /** How many characters of a message's contents are rendered by default. */
    public static final int DEFAULT_LIMIT = 200;

    private static final MessageRendering STANDARD =
            new MessageRendering(!"false".equalsIgnoreCase(System.getProperty(PROPERTY, "true").trim()), DEFAULT_LIMIT);

    /** Checks the limit. */
    public MessageRendering {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
    }

    /** The rendering the runtime uses: contents on unless {@value #PROPERTY} is {@code false}, 200 characters. */
    public static MessageRendering standard() {
        return STANDARD;
    }

    /** A rendering with or without contents, cut after {@code limit} characters. */
    public static MessageRendering of(boolean contents, int limit) {
        return new MessageRendering(contents, limit);
    }

    /** {@code message} as one safe line: its escaped, bounded text, or only its type when contents are off. */
    public String render(Object message) {
        if (message == null) {
            return "null";
        }
        if (!contents) {
            return message.getClass().getSimpleName() + " (contents not logged)";
        }
        return escape(String.valueOf(message), limit);
    }

    /**
     * {@code text} escaped (see the class comment) and cut after {@code limit} characters of the
     * original, never inside a surrogate pair, with {@code …(N more)} naming the characters left out.
     */
    public static String escape(CharSequence text, int limit) {
        int length = text.length();
        int end = Math.min(length, limit);
        if (end < length && end > 0 && Character.isHighSurrogate(text.charAt(end - 1))
                && Character.isLowSurrogate(text.charAt(end))) {
            end--;
        }
        StringBuilder out = new StringBuilder(end + 16);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
                continue;
            }
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (needsEscape(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        if (end < length) {
            out.append("…(").append(length - end).append(" more)");
        }
        return out.toString();
    }

    private static boolean needsEscape(char c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SURROGATE, Character.UNASSIGNED, Character.PRIVATE_USE -> true;
            default -> false;
        };
    }
}
