# From ../shared/seeds/000 (the original demo's lambda/verify_auth/index.py): exactly as printed there, indentation restored.
import logging
logger = logging.getLogger()
logger.setLevel(logging.INFO)
def handler(event, context):
    """
    OTP を検証する
    """
    username = event.get("userName", "unknown")
    expected_otp = event["request"]["privateChallengeParameters"]["otp"]
    user_otp = event["request"]["challengeAnswer"]
    # OTP が一致するか確認
    if user_otp == expected_otp:
        event["response"]["answerCorrect"] = True
        logger.info(f"User: {username}, OTP verification: SUCCESS")
    else:
        event["response"]["answerCorrect"] = False
        logger.warning(f"User: {username}, OTP verification: FAILED")
    return event
