# From ../shared/seeds/000 (the original demo's lambda/define_auth/index.py): exactly as printed there, indentation restored.
import logging
logger = logging.getLogger()
logger.setLevel(logging.INFO)
def handler(event, context):
    """
    認証フローの次のステップを決定する
    """
    username = event.get("userName", "unknown")
    session = event["request"]["session"]
    session_length = len(session)
    logger.info(f"User: {username}, Session step: {session_length}")
    # 空セッション → PASSWORD_VERIFIER を開始
    if session_length == 0:
        challenge = "PASSWORD_VERIFIER"
        event["response"]["challengeName"] = challenge
        event["response"]["issueTokens"] = False
        event["response"]["failAuthentication"] = False
        logger.info(f"Next challenge: {challenge}")
    # PASSWORD_VERIFIER 完了後 → OTP チャレンジ
    elif (
        session_length == 1
        and session[-1]["challengeName"] == "PASSWORD_VERIFIER"
        and session[-1]["challengeResult"]
    ):
        challenge = "CUSTOM_CHALLENGE"
        event["response"]["challengeName"] = challenge
        event["response"]["issueTokens"] = False
        event["response"]["failAuthentication"] = False
        logger.info(f"Password verified. Next challenge: {challenge}")
    # OTP 正解 → トークン発行
    elif (
        session_length == 2
        and session[-1]["challengeName"] == "CUSTOM_CHALLENGE"
        and session[-1]["challengeResult"]
    ):
        event["response"]["issueTokens"] = True
        event["response"]["failAuthentication"] = False
        logger.info("OTP verified. Issuing tokens.")
    # 失敗
    else:
        event["response"]["issueTokens"] = False
        event["response"]["failAuthentication"] = True
        logger.warning(f"Authentication failed. Session: {session}")
    return event
