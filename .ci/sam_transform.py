"""Prints the CloudFormation that SAM makes of template.yaml, with each function's local jar replaced by
the S3 URI `sam deploy` would upload it to, as `sam package` does."""
import json
import os
import sys

from samtranslator.translator.transform import transform
from samtranslator.yaml_helper import yaml_parse

os.environ.setdefault("AWS_DEFAULT_REGION", "eu-west-3")
template = yaml_parse(open(sys.argv[1]).read())
for name, resource in template["Resources"].items():
    if resource["Type"] == "AWS::Serverless::Function":
        resource["Properties"]["CodeUri"] = "s3://deployment-artifacts/" + name + ".jar"


class ManagedPolicies:
    def load(self):
        return {
            "AWSLambdaBasicExecutionRole": "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
            "AWSLambdaSQSQueueExecutionRole": "arn:aws:iam::aws:policy/service-role/AWSLambdaSQSQueueExecutionRole",
        }


parameters = {"ConnectInstanceId": "instance", "ContactFlowId": "flow", "DefaultCallerId": "+33948000000"}
json.dump(transform(template, parameters, ManagedPolicies()), sys.stdout, indent=1)
