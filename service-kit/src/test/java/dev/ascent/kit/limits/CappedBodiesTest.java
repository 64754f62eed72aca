package dev.ascent.kit.limits;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CappedBodiesTest {

    @Test
    void aBodyUpToTheLimitReadsWhole() throws IOException {
        InputStream capped = new CappedBodies.Capped(new ByteArrayInputStream(new byte[100]), 100);
        assertThat(capped.readAllBytes()).hasSize(100);
        InputStream single = new CappedBodies.Capped(new ByteArrayInputStream(new byte[] {7}), 1);
        assertThat(single.read()).isEqualTo(7);
        assertThat(single.read()).isEqualTo(-1);
    }

    @Test
    void readingStopsTheMomentTheLimitIsPassed() {
        InputStream bulk = new CappedBodies.Capped(new ByteArrayInputStream(new byte[101]), 100);
        assertThatThrownBy(bulk::readAllBytes).isInstanceOfSatisfying(CappedBodies.BodyTooLarge.class,
                e -> assertThat(e.max()).isEqualTo(100));
        InputStream byteByByte = new CappedBodies.Capped(new ByteArrayInputStream(new byte[3]), 2);
        assertThatThrownBy(() -> {
            for (int i = 0; i < 3; i++) {
                byteByByte.read();
            }
        }).isInstanceOf(CappedBodies.BodyTooLarge.class);
    }
}
