"""DHIS2 dataValueSets and IHE ADX: data values on the wire ↔ counts, beside the file importer."""
