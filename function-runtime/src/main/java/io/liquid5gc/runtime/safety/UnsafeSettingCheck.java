package io.liquid5gc.runtime.safety;

import java.util.List;

/** A module's report of its unsafe settings; every bean of this type is asked once at start by {@link StartupSafety}. */
@FunctionalInterface
public interface UnsafeSettingCheck {

    List<UnsafeSetting> unsafeSettings();
}
