package dev.tobira.core.user;

/** A user attribute as Cognito's {@code AttributeType}: a name and a string value. */
public record Attribute(String name, String value) {}
