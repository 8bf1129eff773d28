# From ../shared/seeds/000 (the original demo's lambda/create_auth/index.py): exactly as printed there, indentation restored.
import logging
import random
import boto3
logger = logging.getLogger()
logger.setLevel(logging.INFO)
ses_client = boto3.client("ses")
cognito_client = boto3.client("cognito-idp")
def handler(event, context):
    """
    OTP チャレンジを作成し、メールで送信する
    """
    user_pool_id = event["userPoolId"]
    username = event["userName"]
    # ユーザーのメールアドレスを取得
    user = cognito_client.admin_get_user(UserPoolId=user_pool_id, Username=username)
    email = ""
    for attr in user["UserAttributes"]:
        if attr["Name"] == "email":
            email = attr["Value"]
            break
    # 6桁のOTPを生成
    otp = str(random.randint(100000, 999999))
    logger.info(f"User: {username}, Email: {email[:3]}***")
    # メール送信
    if email:
        try:
            ses_client.send_email(
                Source=email, # SESで検証済みのメールアドレス
                Destination={"ToAddresses": [email]},
                Message={
                    "Subject": {"Data": "ログイン認証コード", "Charset": "UTF-8"},
                    "Body": {
                        "Text": {
                            "Data": f"あなたの認証コードは {otp} です。\n\n有効期限は3分間です。",
                            "Charset": "UTF-8",
                        }
                    },
                },
            )
            logger.info("OTP email sent successfully")
        except Exception as e:
            logger.error(f"Failed to send OTP email: {type(e).__name__}: {str(e)}")
    # 公開パラメータ(クライアントに送る)
    event["response"]["publicChallengeParameters"] = {
        "email": email[:3] + "***" + email[email.index("@"):] if email else ""
    }
    # 非公開パラメータ(検証用、クライアントには送らない)
    event["response"]["privateChallengeParameters"] = {"otp": otp}
    event["response"]["challengeMetadata"] = "OTP_CHALLENGE"
    return event
