import {
    ecrImageProblem,
    ecrRepositoryName,
    ecrRepositoryNameProblem,
    ecrServices,
    lifecyclePolicy,
    repositoryImage,
    repositorySettings,
    repositoryUrl,
    serviceImageIssues,
    servicesAwaitingImage,
    waitsForFirstImage,
} from "../../components/registry/spec";

const HEX64 = "a".repeat(64);
const DIGEST = `sha256:${HEX64}`;

describe("ECR repository names", () => {
    test("a stack's repository is <prefix>/<service>", () => {
        expect(ecrRepositoryName("visa-agent-prod", "gateway")).toBe("visa-agent-prod/gateway");
        expect(ecrRepositoryNameProblem("visa-agent-prod/gateway")).toBeUndefined();
    });
    test.each([
        ["a", /2-256/],
        ["x".repeat(257), /is 257 characters/],
        ["Upper/case", /not an ECR repository name/],
        ["double--hyphen/x", /not an ECR repository name/],
        ["trailing/", /not an ECR repository name/],
        ["a//b", /not an ECR repository name/],
    ])("%s is refused", (name, message) => {
        expect(ecrRepositoryNameProblem(name)).toMatch(message);
    });
    test("256 characters are accepted", () => {
        expect(ecrRepositoryNameProblem("a".repeat(256))).toBeUndefined();
    });
});

describe("the image of an ecr service", () => {
    test.each([
        ["1.4.2", undefined],
        ["3f2a9c1", undefined],
        [DIGEST, undefined],
        ["latest", /latest/],
        [`sha256:${"A".repeat(64)}`, /64 lower-case hex/],
        ["sha256:abc", /64 lower-case hex/],
        ["app:1.0", /names a repository/],
        [`repo@${DIGEST}`, /names a repository/],
        [".hidden", /is not a tag/],
    ])("%s", (image, problem) => {
        const p = ecrImageProblem(image);
        if (problem === undefined) expect(p).toBeUndefined();
        else expect(p).toMatch(problem);
    });

    test("a digest runs as <url>@<digest>, a tag as <url>:<tag>", () => {
        const url = "123456789012.dkr.ecr.us-east-1.amazonaws.com/strata-dev/api";
        expect(repositoryImage(url, DIGEST)).toBe(`${url}@${DIGEST}`);
        expect(repositoryImage(url, "1.4.2")).toBe(`${url}:1.4.2`);
    });

    test("the repository URL is <account>.dkr.ecr.<region>.amazonaws.com/<name>", () => {
        expect(repositoryUrl("123456789012", "eu-west-1", "strata-dev/api")).toBe(
            "123456789012.dkr.ecr.eu-west-1.amazonaws.com/strata-dev/api",
        );
        expect(repositoryUrl("123456789012", "cn-north-1", "x/y")).toBe("123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/x/y");
    });
});

describe("serviceImageIssues", () => {
    test("an external image is still required and must be pinned", () => {
        expect(serviceImageIssues({ ecr: false })).toEqual([{ path: ["image"], message: expect.stringMatching(/^!is required/) }]);
        expect(serviceImageIssues({ ecr: false, image: "nginx" })).toEqual([
            {
                path: ["image"],
                message: "is not pinned: it names no tag or digest (it would pull latest); use a tag other than latest or a digest",
            },
        ]);
        expect(serviceImageIssues({ ecr: false, image: "nginx:1.27" })).toEqual([]);
    });
    test("an ecr service may leave image unset, and then waits for its first image", () => {
        expect(serviceImageIssues({ ecr: true })).toEqual([]);
        expect(waitsForFirstImage({ ecr: true })).toBe(true);
        expect(waitsForFirstImage({ ecr: true, image: DIGEST })).toBe(false);
        expect(waitsForFirstImage({ ecr: false, image: "nginx:1.27" })).toBe(false);
    });
    test("an ecr service's image names the allowed forms", () => {
        expect(serviceImageIssues({ ecr: true, image: "nginx:1.27" })[0].message).toMatch(
            /names a repository.*allowed: a tag .* or a digest sha256:<64 hex>/,
        );
    });
    test("the ecr and waiting services, in config order", () => {
        const services = { a: { ecr: true }, b: { ecr: false, image: "x:1" }, c: { ecr: true, image: "1.0" } };
        expect(ecrServices(services)).toEqual(["a", "c"]);
        expect(servicesAwaitingImage(services)).toEqual(["a"]);
    });
});

describe("the repository settings and lifecycle policy", () => {
    test("immutable tags, scan on push, the given KMS key, never force-deleted", () => {
        expect(repositorySettings("arn:key", false)).toEqual({
            imageTagMutability: "IMMUTABLE",
            imageScanningConfiguration: { scanOnPush: true },
            encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: "arn:key" }],
            forceDelete: false,
        });
    });
    test("untagged images expire after N days; the newest M tagged images are kept", () => {
        const p = lifecyclePolicy({ untaggedExpiryDays: 14, keepTaggedImages: 20 });
        expect(p.rules.map((r) => r.rulePriority)).toEqual([1, 2]);
        expect(p.rules[0].selection).toEqual({ tagStatus: "untagged", countType: "sinceImagePushed", countUnit: "days", countNumber: 14 });
        expect(p.rules[1].selection).toEqual({
            tagStatus: "tagged",
            tagPatternList: ["*"],
            countType: "imageCountMoreThan",
            countNumber: 20,
        });
        expect(p.rules.every((r) => r.action.type === "expire")).toBe(true);
    });
});
