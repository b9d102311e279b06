package dev.gb28181.manscdp;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

import java.util.List;
import java.util.Objects;

/**
 * The uploaded pictures of a snapshot session (GB/T 28181-2022 Annex A.2.5 {@code SnapShotList}).
 */
public final class SnapShotList extends ManscdpElement {

    @JacksonXmlProperty(localName = "SnapShotFileID")
    @JacksonXmlElementWrapper(useWrapping = false)
    private List<String> snapShotFileIds;

    public List<String> getSnapShotFileIds() {
        return snapShotFileIds;
    }

    public void setSnapShotFileIds(List<String> snapShotFileIds) {
        this.snapShotFileIds = snapShotFileIds;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SnapShotList other)) {
            return false;
        }
        return Objects.equals(snapShotFileIds, other.snapShotFileIds)
                && extensionsEqual(other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(snapShotFileIds, extensionsHash());
    }
}
