package dev.countersign.activities.tool;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The JSON type an argument must have. */
public enum ArgumentType {
    @JsonProperty("string")
    STRING,
    @JsonProperty("number")
    NUMBER,
    @JsonProperty("integer")
    INTEGER,
    @JsonProperty("boolean")
    BOOLEAN,
    @JsonProperty("object")
    OBJECT,
    @JsonProperty("array")
    ARRAY;

    /** The name JSON Schema gives this type, for example {@code string}. */
    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
