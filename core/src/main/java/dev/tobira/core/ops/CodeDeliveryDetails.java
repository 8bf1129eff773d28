package dev.tobira.core.ops;

/** Cognito's {@code CodeDeliveryDetailsType}: where a code went, with the address masked. */
public record CodeDeliveryDetails(String destination, String deliveryMedium, String attributeName) {}
