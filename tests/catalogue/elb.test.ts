import { albAccessLogStatements, ELB_LOG_DELIVERY_ACCOUNTS } from "../../components/catalogue/elb";
import { AWS_REGIONS } from "../../components/catalogue/regions";

const BUCKET = "arn:aws:s3:::shop-prod-access-logs-1234567";

describe("ALB access log grants on the access-log bucket", () => {
    test("an older region: its ELB account and the log delivery service principal, under alb/*/AWSLogs/<account>/ only", () => {
        const s = albAccessLogStatements({ bucketArn: BUCKET, accountId: "123456789012", region: "us-east-1" });
        expect(s.map((x) => x.Principal)).toEqual([
            { AWS: "arn:aws:iam::127311923021:root" },
            { Service: "logdelivery.elasticloadbalancing.amazonaws.com" },
        ]);
        for (const x of s) expect([x.Action, x.Resource]).toEqual(["s3:PutObject", `${BUCKET}/alb/*/AWSLogs/123456789012/*`]);
    });

    test("a region opened after August 2022: the service principal only", () => {
        const s = albAccessLogStatements({ bucketArn: BUCKET, accountId: "123456789012", region: "eu-central-2" });
        expect(s.map((x) => x.Principal)).toEqual([{ Service: "logdelivery.elasticloadbalancing.amazonaws.com" }]);
    });

    test("the table names known regions with 12-digit accounts, China's in the aws-cn partition", () => {
        for (const [region, account] of Object.entries(ELB_LOG_DELIVERY_ACCOUNTS)) {
            expect([region, AWS_REGIONS.includes(region) || region.startsWith("us-gov-")]).toEqual([region, true]);
            expect(account).toMatch(/^\d{12}$/);
        }
        expect(albAccessLogStatements({ bucketArn: "arn:aws-cn:s3:::b", accountId: "1", region: "cn-north-1" })[0].Principal).toEqual({
            AWS: "arn:aws-cn:iam::638102146993:root",
        });
    });
});
