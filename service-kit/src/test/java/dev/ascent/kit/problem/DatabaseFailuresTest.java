package dev.ascent.kit.problem;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseFailuresTest {

    private static RuntimeException wrapped(Throwable cause) {
        return new IllegalStateException("wrapped", new RuntimeException("again", cause));
    }

    @Test
    void connectionFailuresAnywhereInTheChainAreAnOutage() {
        assertThat(DatabaseFailures.isOutage(wrapped(new SQLException("refused", "08001")))).isTrue();
        assertThat(DatabaseFailures.isOutage(wrapped(new SQLException("terminating", "57P01")))).isTrue();
        assertThat(DatabaseFailures.isOutage(wrapped(new SQLException("starting up", "57P03")))).isTrue();
        assertThat(DatabaseFailures.isOutage(wrapped(new SQLException("too many", "53300")))).isTrue();
        assertThat(DatabaseFailures.isOutage(wrapped(new SQLTransientConnectionException("gone")))).isTrue();
        assertThat(DatabaseFailures.isOutage(wrapped(new SQLException("Sorry, acquisition timeout!")))).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(DatabaseFailures.isOutage(wrapped(new SQLException("duplicate", "23505")))).isFalse();
        assertThat(DatabaseFailures.isOutage(wrapped(new SQLException("other")))).isFalse();
        assertThat(DatabaseFailures.isOutage(new IllegalStateException("no database here"))).isFalse();
    }

    @Test
    void valuesPostgresRefusesAreNamed() {
        assertThat(DatabaseFailures.refusedValue(wrapped(new SQLException("0x00", "22021")))).contains("NUL");
        assertThat(DatabaseFailures.refusedValue(wrapped(new SQLException("enc", "22P05")))).contains("text");
        assertThat(DatabaseFailures.refusedValue(wrapped(new SQLException("date", "22008")))).contains("date");
        assertThat(DatabaseFailures.refusedValue(wrapped(new SQLException("date", "22007")))).contains("date");
        assertThat(DatabaseFailures.refusedValue(wrapped(new SQLException("num", "22003")))).contains("number");
        assertThat(DatabaseFailures.refusedValue(wrapped(new SQLException("big", "54000")))).contains("too large");
        assertThat(DatabaseFailures.refusedValue(wrapped(new SQLException("dup", "23505")))).isNull();
        assertThat(DatabaseFailures.refusedValue(new IllegalStateException("x"))).isNull();
    }

    @Test
    void theRootMessageNamesTheInnermostCause() {
        assertThat(DatabaseFailures.rootMessage(wrapped(new SQLException("refused", "08001"))))
                .isEqualTo("SQLException: refused");
    }
}
