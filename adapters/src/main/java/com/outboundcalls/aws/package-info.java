/** The core's ports on AWS: DynamoDB, S3, SQS and Amazon Connect, through the SDK v2. */
package com.outboundcalls.aws;
