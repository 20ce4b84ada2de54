package dev.supervision.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A drill's Markdown table under {@code target/}: each row is printed and appended, after the header once. */
final class DrillTable {

    private final Path file;
    private final String header;

    /** The table in {@code target/FILE} with {@code header} (the header line and the alignment line). */
    DrillTable(String file, String header) {
        this.file = Path.of("target", file);
        this.header = header;
    }

    /** Prints the header and {@code row}, and appends {@code row} to the file (the header first if it is new). */
    void add(String row) {
        System.out.println(header + "\n" + row);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, header + "\n");
            }
            Files.writeString(file, row + "\n", StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
