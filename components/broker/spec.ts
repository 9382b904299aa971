import type { BrokerSettings } from "../config/broker";
import { percentEncode } from "../connectionStrings";
import type { MqDeploymentMode } from "../catalogue/mq";

/**
 * The Amazon MQ for RabbitMQ broker as plain data: its settings, its subnets, the admin and service users, the AMQPS
 * URL a service gets, and the RabbitMQ management API calls that create each service's vhost, user and permissions.
 */

/** AMQP over TLS: the only messaging listener Strata opens ("Amazon MQ for RabbitMQ brokers", listener ports). */
export const AMQPS_PORT = 5671;
/** The HTTPS web console and management API of the broker. */
export const CONSOLE_PORT = 443;

/** The admin user Amazon MQ creates with the broker (the one `users` entry of CreateBroker). */
export const BROKER_ADMIN_USERNAME = "strata-admin";

/**
 * Special characters of generated broker passwords. Amazon MQ accepts 12-250 characters with at least 4 unique ones
 * and no commas, colons or equals signs (Amazon MQ API reference, "User": `password`; terraform-provider-aws
 * internal/service/mq/broker.go ValidBrokerPassword). Quotes and backslashes are left out too, so a password goes
 * into the management API's JSON body and a `curl -u user:password` without escaping.
 */
export const BROKER_PASSWORD_SPECIALS = "!#$%&*+-.?@^_~";

/** A broker password (the admin's or a service user's): random, from the characters Amazon MQ accepts. */
export function brokerPasswordSpec(length: number) {
    return { length, special: true, overrideSpecial: BROKER_PASSWORD_SPECIALS, minLower: 2, minUpper: 2, minNumeric: 2, minSpecial: 1 };
}

/** The admin password's inputs, all of which would replace it (a new password the broker never gets). */
export const ADMIN_PASSWORD_IGNORE_CHANGES = ["length", "special", "overrideSpecial", "minLower", "minUpper", "minNumeric", "minSpecial"];

/** Service user passwords: long enough, fixed (a new length would be a new password the user Job sets). */
export const SERVICE_PASSWORD_LENGTH = 32;

type Settings = Pick<BrokerSettings, "engineVersion" | "instanceType" | "deploymentMode" | "maintenanceWindow" | "applyImmediately">;

/**
 * The broker's settings: RabbitMQ, private (`publiclyAccessible` false: ForceNew, and a public RabbitMQ broker gets a
 * public endpoint), encrypted with an AWS-owned key (RabbitMQ brokers take no customer managed key: "Encryption at
 * rest", Amazon MQ Developer Guide; `encryptionOptions` is ForceNew in broker.go), general logs on (RabbitMQ has no
 * audit log: broker.go refuses `logs.audit` for RabbitMQ), automatic minor version upgrades in the weekly window.
 */
export function brokerSettings(s: Settings) {
    return {
        engineType: "RabbitMQ",
        engineVersion: s.engineVersion,
        hostInstanceType: s.instanceType,
        deploymentMode: s.deploymentMode,
        publiclyAccessible: false,
        autoMinorVersionUpgrade: true,
        authenticationStrategy: "simple",
        encryptionOptions: { useAwsOwnedKey: true },
        logs: { general: true },
        maintenanceWindowStartTime: { dayOfWeek: s.maintenanceWindow.dayOfWeek, timeOfDay: s.maintenanceWindow.timeOfDay, timeZone: "UTC" },
        applyImmediately: s.applyImmediately,
    };
}

/**
 * The broker's subnets: a single-instance broker takes exactly one subnet, a cluster one per AZ (Amazon MQ API
 * reference, CreateBroker `subnetIds`). `subnetIds` is ForceNew: the first isolated subnet stays the same for the
 * life of the VPC.
 */
export function brokerSubnetIds<T>(mode: MqDeploymentMode, subnetIds: readonly T[]): T[] {
    if (subnetIds.length === 0) throw new Error("the broker needs at least one subnet");
    return mode === "SINGLE_INSTANCE" ? [subnetIds[0]] : [...subnetIds];
}

/**
 * Inputs of the broker the program does not compare after creation: `users`. Amazon MQ takes the admin user with
 * CreateBroker and does not update RabbitMQ users afterwards (terraform-provider-aws internal/service/mq/broker.go:
 * the `user` set's DiffSuppressFunc suppresses every change once the RabbitMQ broker exists, "AWS currently does not
 * support updating the RabbitMQ users beyond resource creation"). A change would never reach the broker, yet it would
 * be recorded as if it had: the state would claim a password the broker does not have. Ignoring it keeps the state
 * honest; the admin password is a RandomPassword that never changes, and service users are managed through the
 * management API by the user Jobs.
 */
export const BROKER_IGNORE_CHANGES = ["users"];

/** The host of an AMQPS endpoint (`amqps://b-....mq.<region>.amazonaws.com:5671`). */
export function endpointHost(endpoint: string): string {
    const m = /^[a-z]+:\/\/([^/:]+)(:\d+)?\/?$/.exec(endpoint);
    if (!m) throw new Error(`not a broker endpoint: ${endpoint}`);
    return m[1];
}

/** `amqps://<user>:<password>@<host>:5671/<vhost>`, user, password and vhost percent-encoded. */
export function brokerUrl(p: { username: string; password: string; host: string; vhost: string }): string {
    return `amqps://${percentEncode(p.username)}:${percentEncode(p.password)}@${p.host}:${AMQPS_PORT}/${percentEncode(p.vhost)}`;
}

/** The RabbitMQ user and vhost of a `broker: true` service: both named after the service. */
export function serviceBrokerUser(service: string): { username: string; vhost: string } {
    return { username: service, vhost: service };
}

/** One management API call of a user Job. `body` names the password by its environment variable, never its value. */
export interface ManagementCall {
    method: "PUT";
    path: string;
    body: Record<string, string>;
}

/**
 * The RabbitMQ management HTTP API calls that give a service its vhost, its user (tag-less: no management access) and
 * full permissions on its own vhost only (RabbitMQ "Management Plugin", HTTP API: PUT /api/vhosts/{vhost},
 * PUT /api/users/{user}, PUT /api/permissions/{vhost}/{user}). PUT is idempotent: a re-run sets the same password.
 */
export function managementCalls(u: { username: string; vhost: string }): ManagementCall[] {
    const vhost = encodeURIComponent(u.vhost);
    const user = encodeURIComponent(u.username);
    return [
        { method: "PUT", path: `/api/vhosts/${vhost}`, body: {} },
        { method: "PUT", path: `/api/users/${user}`, body: { password: "$USER_PASSWORD", tags: "" } },
        { method: "PUT", path: `/api/permissions/${vhost}/${user}`, body: { configure: ".*", write: ".*", read: ".*" } },
    ];
}

/**
 * The user Job's shell script: one `curl` per call against `$BROKER_CONSOLE` (https://<host>), authenticated as the
 * admin from `$ADMIN_USERNAME`/`$ADMIN_PASSWORD`, failing on any HTTP error (`--fail-with-body`) and retrying while the
 * broker's listener comes up. Passwords come from the environment (a Secret), never from the script.
 */
export function userJobScript(calls: ManagementCall[]): string {
    const lines = ["set -eu"];
    for (const c of calls) {
        const body = JSON.stringify(c.body).replace(/"/g, '\\"');
        lines.push(
            `curl --silent --show-error --fail-with-body --retry 10 --retry-all-errors --retry-delay 6 -u "$ADMIN_USERNAME:$ADMIN_PASSWORD" -X ${c.method} -H "content-type: application/json" -d "${body}" "$BROKER_CONSOLE${c.path}"`,
        );
    }
    return lines.join("\n");
}

/** The image of the user Jobs: curl, pinned by tag (runs as the non-root user 100). */
export const USER_JOB_IMAGE = "curlimages/curl:8.11.1";
export const USER_JOB_UID = 100;
