package dev.countersign.history;

/** An accepted Update: its name ({@code decide}, {@code answer}, {@code cancel}) and its decoded argument. */
record UpdateRequest(String name, Decoded args) {}
