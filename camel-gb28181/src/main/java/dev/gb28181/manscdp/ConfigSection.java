package dev.gb28181.manscdp;

import java.util.Objects;

/**
 * A configuration section of GB/T 28181-2022 (Annex A.2.3.2: VideoParamAttribute, VideoRecordPlan,
 * VideoAlarmRecord, PictureMask, AlarmReport, OSDConfig) whose content devices vary in: every child
 * element is kept in {@link #getExtensions()} as written and written back the same way.
 */
public final class ConfigSection extends ManscdpElement {

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ConfigSection other)) {
            return false;
        }
        return extensionsEqual(other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(extensionsHash());
    }
}
