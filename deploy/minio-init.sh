#!/bin/sh
# Prepares docker-compose.yml's MinIO for the agent (runs in the minio/mc image, again at every start): the
# bucket for copies, and a user for the agent that may use that bucket only. The user's keys go to /secret as
# a mounted Kubernetes Secret holds them, one file per key, which the agent finds under ferry.agent.secrets-dir.
set -eu
mc alias set ferry http://minio:9000 "$MINIO_ROOT_USER" "$MINIO_ROOT_PASSWORD"
mc mb --ignore-existing "ferry/$FERRY_S3_BUCKET"
cat > /tmp/ferry-agent-policy.json <<POLICY
{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:*"],
  "Resource": ["arn:aws:s3:::$FERRY_S3_BUCKET", "arn:aws:s3:::$FERRY_S3_BUCKET/*"]}]}
POLICY
mc admin policy create ferry ferry-agent /tmp/ferry-agent-policy.json
mc admin user add ferry "$FERRY_S3_ACCESS_KEY_ID" "$FERRY_S3_SECRET_ACCESS_KEY"
mc admin policy attach ferry ferry-agent --user "$FERRY_S3_ACCESS_KEY_ID" || echo "ferry-agent is attached already"
printf %s "$FERRY_S3_ACCESS_KEY_ID" > /secret/access_key_id
printf %s "$FERRY_S3_SECRET_ACCESS_KEY" > /secret/secret_access_key
# readable by the agent's user (deploy/Dockerfile.jvm) only
chown 185 /secret/access_key_id /secret/secret_access_key
chmod 400 /secret/access_key_id /secret/secret_access_key
