import { arnProblem, parseArn } from "../components/arn";
import { configProblems } from "./helpers";

const CERT = (region: string, partition = "aws") =>
    `arn:${partition}:acm:${region}:123456789012:certificate/0a1b2c3d-1111-2222-3333-444455556666`;

test("parseArn: six parts, the resource may hold colons", () => {
    expect(parseArn("arn:aws:iam::123456789012:role/deployer")).toEqual({
        partition: "aws",
        service: "iam",
        region: "",
        account: "123456789012",
        resource: "role/deployer",
    });
    expect(parseArn("arn:aws:logs:us-east-1:123456789012:log-group:/aws/eks/x:*")).toMatchObject({ resource: "log-group:/aws/eks/x:*" });
    expect(parseArn("arn:aws-eu:iam::123456789012:role/x")).toEqual({
        error: 'names the partition "aws-eu"; AWS partitions are aws, aws-cn, aws-us-gov',
    });
    expect(parseArn("role/deployer")).toMatchObject({ error: expect.stringMatching(/^is not an ARN/) });
    expect(parseArn("arn:aws:iam::1234:role/x")).toEqual({ error: 'names the account "1234"; an account ID is 12 digits' });
});

test.each<[string, Parameters<typeof arnProblem>[1], string | undefined]>([
    [CERT("eu-west-1"), { services: ["acm"], stackRegion: "eu-west-1", region: "same" }, undefined],
    [
        CERT("us-east-1"),
        { services: ["acm"], stackRegion: "eu-west-1", region: "same" },
        'is in the region "us-east-1", but the stack deploys to eu-west-1; it must be in the same region',
    ],
    [
        CERT("cn-north-1", "aws-cn"),
        { services: ["acm"], stackRegion: "us-east-1", region: "same" },
        'is in the partition "aws-cn", but the stack\'s region us-east-1 is in "aws": use arn:aws:...',
    ],
    [
        "arn:aws:iam::123456789012:role/x",
        { services: ["acm"], stackRegion: "us-east-1", region: "same" },
        'is an ARN of the service "iam"; this key takes acm ARNs',
    ],
    ["arn:aws-us-gov:iam::123456789012:role/x", { services: ["iam"], stackRegion: "us-gov-west-1", region: "none" }, undefined],
    [
        "arn:aws:iam::123456789012:role/x",
        { services: ["iam"], stackRegion: "us-gov-west-1", region: "none" },
        'is in the partition "aws", but the stack\'s region us-gov-west-1 is in "aws-us-gov": use arn:aws-us-gov:...',
    ],
])("arnProblem(%s)", (arn, want, problem) => expect(arnProblem(arn, want)).toBe(problem));

test("config: a certificate of another region, an IAM principal of another partition, named by key", () => {
    const web = (certificateArn: string) => ({ image: "hashicorp/http-echo:1.0.0", ingress: { host: "shop.example.com", certificateArn } });
    expect(configProblems({ "aws:region": "eu-west-1", "strata:services": { shop: web(CERT("us-east-1")) } })).toEqual([
        `strata:services.shop.ingress.certificateArn: "${CERT("us-east-1")}" is in the region "us-east-1", but the stack deploys to eu-west-1; it must be in the same region`,
    ]);
    expect(configProblems({ "aws:region": "eu-west-1", "strata:services": { shop: web(CERT("eu-west-1")) } })).toEqual([]);
    expect(
        configProblems({
            "aws:region": "us-gov-west-1",
            "strata:cluster": { readOnlyPrincipalArns: ["arn:aws:iam::123456789012:role/viewer"] },
        }).filter((p) => p.includes("readOnlyPrincipalArns")),
    ).toEqual([
        'strata:cluster.readOnlyPrincipalArns[0]: "arn:aws:iam::123456789012:role/viewer" is in the partition "aws", but the stack\'s region us-gov-west-1 is in "aws-us-gov": use arn:aws-us-gov:...',
    ]);
});
