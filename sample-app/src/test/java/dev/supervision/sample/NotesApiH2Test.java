package dev.supervision.sample;

import org.springframework.test.context.TestPropertySource;

/** The API's contract on the default H2 database. */
@TestPropertySource(properties = "supervision.on-root-failure=stay-up")
class NotesApiH2Test extends NotesApiContract {

    @Override
    String databasePoison() {
        return null; // H2 stores U+0000; only the edge refuses it
    }
}
