package io.liquid5gc.evaluation.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProcSamplerTest {

    @Test
    void whenTheCommandNameHasSpacesAndParentheses_thenUtimeAndStimeAreStillFields14And15() {
        // pid (comm) state ppid pgrp session tty_nr tpgid flags minflt cminflt majflt cmajflt utime stime ...
        String stat = "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 1000 0 3 0 1234 567 0 0 20 0 30 0 100 2000000 5000";
        assertThat(ProcSampler.cpuTicks(stat)).isEqualTo(1234 + 567);
    }

    @Test
    void whenStatusHasVmRss_thenItIsReadInBytes() {
        String status = "Name:\tjava\nVmPeak:\t  999 kB\nVmRSS:\t  123456 kB\nThreads:\t30\n";
        assertThat(ProcSampler.rssBytes(status)).isEqualTo(123456L * 1024);
        assertThat(ProcSampler.rssBytes("Name:\tzombie\nState:\tZ\n")).isZero();
    }

    @Test
    void whenThisJvmIsRead_thenItHasCpuTimeAndResidentMemory() {
        Optional<long[]> self = ProcSampler.read(ProcessHandle.current().pid());
        assertThat(self).isPresent();
        assertThat(self.get()[0]).isPositive();
        assertThat(self.get()[1]).isGreaterThan(10L * 1024 * 1024);
    }

    @Test
    void whenTheProcessHasGone_thenNothingIsRead() {
        assertThat(ProcSampler.read(Integer.MAX_VALUE - 1)).isEmpty();
    }
}
