package io.liquid5gc.evaluation.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.liquid5gc.evaluation.deploy.ProcessRole;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourcesTest {

    @Test
    void whenAUnitStartsInsideTheWindow_thenItsCpuCountsFromZeroAndItsRssIsZeroWhileAbsent() {
        List<ProcessSample> s = List.of(
                new ProcessSample(0, "core", ProcessRole.CORE, 1, 10.0, 100_000_000),
                new ProcessSample(0, "driver", ProcessRole.DRIVER, 9, 1.0, 50_000_000),
                new ProcessSample(30_000, "core", ProcessRole.CORE, 1, 11.0, 100_000_000),
                new ProcessSample(30_000, "unit:f", ProcessRole.UNIT, 2, 2.0, 60_000_000),
                new ProcessSample(30_000, "driver", ProcessRole.DRIVER, 9, 4.0, 50_000_000),
                new ProcessSample(60_000, "core", ProcessRole.CORE, 1, 12.0, 100_000_000),
                new ProcessSample(60_000, "unit:f", ProcessRole.UNIT, 2, 3.0, 60_000_000),
                new ProcessSample(60_000, "driver", ProcessRole.DRIVER, 9, 7.0, 50_000_000));
        Resources.Window w = Resources.of(s, 0, 60_000);
        assertThat(w.minutes()).isCloseTo(1.0, within(1e-9));
        // core 2 s, unit 3 s (started inside), driver 6 s apart
        assertThat(w.totalCpuSecondsPerMinute()).isCloseTo(5.0, within(1e-9));
        Resources.Usage unit = w.processes().stream().filter(p -> p.name().equals("unit:f")).findFirst().orElseThrow();
        assertThat(unit.rssMeanBytes()).isCloseTo(40_000_000, within(1.0)); // 0, 60, 60 MB
        assertThat(w.totalRssMaxBytes()).isEqualTo(160_000_000);
        assertThat(w.totalRssMeanBytes()).isCloseTo((100 + 160 + 160) / 3.0 * 1e6, within(1.0));
    }
}
