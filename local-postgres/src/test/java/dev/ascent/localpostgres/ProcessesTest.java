package dev.ascent.localpostgres;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessesTest {

    @Test
    void aLiveProcessIsAlive() {
        assertThat(Processes.alive(ProcessHandle.current().pid())).isTrue();
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aZombieIsNotAlive() throws Exception {
        // The shell's child exits, but the shell has become `sleep`, which never reaps it.
        Process parent = new ProcessBuilder("sh", "-c", "true & exec sleep 30").start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            Optional<ProcessHandle> zombie = Optional.empty();
            while (zombie.isEmpty() && System.nanoTime() < deadline) {
                zombie = parent.children().filter(child -> !Processes.alive(child.pid())).findFirst();
                Thread.sleep(20);
            }
            assertThat(zombie).as("an unreaped child of the sleeping shell").isPresent();
            // The pid still exists, and kill(pid, 0) still succeeds on it.
            assertThat(new ProcessBuilder("sh", "-c", "kill -0 " + zombie.get().pid()).start().waitFor()).isZero();
            assertThat(Processes.alive(zombie.get().pid())).isFalse();
        } finally {
            parent.destroyForcibly().waitFor();
        }
    }

    @Test
    void aPidThatDoesNotExistIsNotAlive() {
        assertThat(Processes.alive(-1)).isFalse();
        assertThat(Processes.alive(Long.MAX_VALUE)).isFalse();
    }
}
