import fc from "fast-check";
import { parseImageReference, unpinnedReason } from "../components/imageReference";
import { configProblems } from "./helpers";

const HEX64 = "0123456789abcdef".repeat(4);

describe("parseImageReference", () => {
    test.each([
        ["nginx:1.27", { repository: "nginx", tag: "1.27" }],
        ["nginxinc/nginx-unprivileged:1.27-alpine", { repository: "nginxinc/nginx-unprivileged", tag: "1.27-alpine" }],
        ["ghcr.io/org/app:v1.2.3", { registry: "ghcr.io", repository: "org/app", tag: "v1.2.3" }],
        ["registry:5000/team/app:1.2.3", { registry: "registry:5000", repository: "team/app", tag: "1.2.3" }],
        ["localhost/app:dev", { registry: "localhost", repository: "app", tag: "dev" }],
        [
            `123456789012.dkr.ecr.us-east-1.amazonaws.com/api@sha256:${HEX64}`,
            { registry: "123456789012.dkr.ecr.us-east-1.amazonaws.com", repository: "api", digest: `sha256:${HEX64}` },
        ],
        [`app:1.0@sha256:${HEX64}`, { repository: "app", tag: "1.0", digest: `sha256:${HEX64}` }],
        ["my_org/my__app:1", { repository: "my_org/my__app", tag: "1" }],
    ])("%s", (ref, expected) => {
        expect(parseImageReference(ref)).toEqual(expected);
    });

    test.each([
        ["nginx@sha256:abc", /digest "sha256:abc"; a digest is sha256: followed by 64 lower-case hex digits/],
        [`nginx@sha256:${HEX64.toUpperCase()}`, /lower-case hex/],
        [`nginx@md5:${HEX64}`, /a digest is sha256:/],
        ["Nginx:1.27", /path component "Nginx"; repository names are lower-case/],
        ["nginx:-bad", /tag "-bad"/],
        ["org//app:1", /path component ""/],
        ["bad_host.-x/app:1", /registry "bad_host.-x"/],
        ["", /empty/],
        [" nginx:1", /surrounding spaces/],
    ])("%s is refused", (ref, message) => {
        const r = parseImageReference(ref);
        expect("error" in r && r.error).toMatch(message);
    });

    test("property: a reference built from valid parts parses back to them", () => {
        // A first component with a dot or colon would name a registry (the grammar's domain rule): keep dots out.
        const component = fc.stringMatching(/^[a-z0-9]{1,8}([_-][a-z0-9]{1,8})?$/).filter((c) => c !== "localhost");
        fc.assert(
            fc.property(
                fc.array(component, { minLength: 1, maxLength: 3 }),
                fc.option(fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,20}$/), { nil: undefined }),
                (path, tag) => {
                    const ref = `${path.join("/")}${tag ? `:${tag}` : ""}`;
                    const parsed = parseImageReference(ref);
                    expect(parsed).toEqual({ repository: path.join("/"), ...(tag ? { tag } : {}) });
                },
            ),
        );
    });
});

describe("unpinnedReason", () => {
    test.each([
        [{ repository: "nginx" }, "names no tag or digest (it would pull latest)"],
        [{ repository: "nginx", tag: "latest" }, 'uses the tag "latest"'],
        [{ repository: "nginx", tag: "1.27" }, undefined],
        [{ repository: "nginx", tag: "latest", digest: `sha256:${HEX64}` }, undefined],
    ])("%j", (ref, reason) => {
        expect(unpinnedReason(ref)).toBe(reason);
    });
});

test("a service image is checked in config: the key, the value, the rule", () => {
    const services = (image: string) => ({ "strata:services": { api: { image, port: 8080 } } });
    expect(configProblems(services("nginx@sha256:abc"))).toEqual([
        'strata:services.api.image: "nginx@sha256:abc" has the digest "sha256:abc"; a digest is sha256: followed by 64 lower-case hex digits',
    ]);
    expect(configProblems(services("nginx"))).toEqual([
        'strata:services.api.image: "nginx" is not pinned: it names no tag or digest (it would pull latest); use a tag other than latest or a digest',
    ]);
    expect(configProblems(services("nginx:1.27"))).toEqual([]);
});
