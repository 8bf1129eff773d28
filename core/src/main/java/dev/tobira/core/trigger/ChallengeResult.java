package dev.tobira.core.trigger;

/**
 * One entry of the session list the auth-challenge triggers see (spec §3.3): a challenge of this
 * sign-in and whether it was passed.
 *
 * @param challengeMetadata what CreateAuthChallenge attached to a CUSTOM_CHALLENGE; null otherwise
 */
public record ChallengeResult(String challengeName, boolean challengeResult, String challengeMetadata) {}
