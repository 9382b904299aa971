import type { MockContext, MockModule } from "./types";

/**
 * CloudTrail, GuardDuty, Security Hub and AWS Config, with the identifiers the services return, and the refusals of
 * their per-account-and-region singletons:
 * - a trail is identified by its ARN, `arn:<p>:cloudtrail:<region>:<account>:trail/<name>` (CloudTrail API
 *   reference, CreateTrail returns TrailARN; the provider keeps it as the id);
 * - a detector by a 32-hex id; CreateDetector fails with BadRequestException when the region already has one
 *   (GuardDuty API reference, CreateDetector: "an account can only have one detector per Region");
 * - Security Hub by the account id, `arn:<p>:securityhub:<region>:<account>:hub/default`; EnableSecurityHub fails with
 *   ResourceConflictException when the account is already subscribed (Security Hub API reference, EnableSecurityHub);
 *   a standards subscription by `arn:<p>:securityhub:<region>:<account>:subscription/<standard>`;
 * - a configuration recorder and a delivery channel by name; a second one in a region fails with
 *   MaxNumberOfConfigurationRecordersExceededException / MaxNumberOfDeliveryChannelsExceededException (AWS Config
 *   API reference, PutConfigurationRecorder, PutDeliveryChannel: one of each per account and region);
 * - a Firehose delivery stream by its ARN, `arn:<p>:firehose:<region>:<account>:deliverystream/<name>`.
 */
function claimSingleton(ctx: MockContext, what: string, by: string, error: string): void {
    const key = `singleton:${what}:${ctx.accountId}:${ctx.region}`;
    const taken = ctx.registry.get(key);
    if (taken) throw new Error(`${error}: ${what} of account ${ctx.accountId} in ${ctx.region} already exists (${String(taken.by)})`);
    ctx.registry.set(key, { by });
}

export const audit: MockModule = {
    resources: {
        "aws:cloudtrail/trail:Trail": (args, ctx) => {
            const name = String(args.inputs.name ?? args.name);
            const arn = ctx.arn("cloudtrail", `trail/${name}`);
            return { id: arn, state: { name, arn, homeRegion: ctx.region } };
        },
        "aws:guardduty/detector:Detector": (args, ctx) => {
            claimSingleton(ctx, "GuardDuty detector", args.name, "BadRequestException");
            const id = ctx.hex(`detector/${args.name}`, 32);
            return { id, state: { arn: ctx.arn("guardduty", `detector/${id}`), accountId: ctx.accountId } };
        },
        "aws:guardduty/detectorFeature:DetectorFeature": (args) => ({
            id: `${String(args.inputs.detectorId)}/${String(args.inputs.name)}`,
        }),
        "aws:securityhub/account:Account": (args, ctx) => {
            claimSingleton(ctx, "Security Hub subscription", args.name, "ResourceConflictException");
            return { id: ctx.accountId, state: { arn: ctx.arn("securityhub", "hub/default") } };
        },
        "aws:securityhub/standardsSubscription:StandardsSubscription": (args, ctx) => {
            const standard = String(args.inputs.standardsArn).split(":standards/")[1] ?? String(args.inputs.standardsArn);
            const arn = ctx.arn("securityhub", `subscription/${standard}`);
            return { id: arn, state: { standardsArn: args.inputs.standardsArn } };
        },
        "aws:cfg/recorder:Recorder": (args, ctx) => {
            claimSingleton(ctx, "AWS Config configuration recorder", args.name, "MaxNumberOfConfigurationRecordersExceededException");
            return { id: String(args.inputs.name) };
        },
        "aws:cfg/deliveryChannel:DeliveryChannel": (args, ctx) => {
            claimSingleton(ctx, "AWS Config delivery channel", args.name, "MaxNumberOfDeliveryChannelsExceededException");
            return { id: String(args.inputs.name) };
        },
        "aws:cfg/recorderStatus:RecorderStatus": (args) => ({ id: String(args.inputs.name) }),
        "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream": (args, ctx) => {
            const name = String(args.inputs.name);
            const arn = ctx.arn("firehose", `deliverystream/${name}`);
            return { id: arn, state: { arn, versionId: "1" } };
        },
        // PutSubscriptionFilter: at most two subscription filters per log group (CloudWatch Logs quotas, LimitExceededException).
        "aws:cloudwatch/logSubscriptionFilter:LogSubscriptionFilter": (args, ctx) => {
            const group = String(args.inputs.logGroup);
            const key = `subscription-filters:${ctx.region}:${group}`;
            const count = Number(ctx.registry.get(key)?.count ?? 0);
            if (count >= 2) throw new Error(`LimitExceededException: log group ${group} already has 2 subscription filters`);
            ctx.registry.set(key, { count: count + 1 });
            return { id: `cwlsf-${ctx.hex(`${group}/${String(args.inputs.name)}`, 10)}` };
        },
        "aws:cloudwatch/eventRule:EventRule": (args, ctx) => {
            const name = String(args.inputs.name ?? `${args.name}-${ctx.hex(args.name, 7)}`);
            return { id: name, state: { name, arn: ctx.arn("events", `rule/${name}`) } };
        },
        "aws:cloudwatch/eventTarget:EventTarget": (args, ctx) => ({
            id: `${String(args.inputs.rule)}-${String(args.inputs.targetId ?? `terraform-${ctx.hex(args.name, 26)}`)}`,
        }),
    },
    calls: {
        // GetDetector by id, or (no id) the region's one detector (ListDetectors): an adopted detector.
        "aws:guardduty/getDetector:getDetector": (args, ctx) => {
            const id = String(args.inputs.id ?? ctx.hex("adopted-detector", 32));
            return { id, status: "ENABLED", findingPublishingFrequency: "SIX_HOURS", arn: ctx.arn("guardduty", `detector/${id}`) };
        },
    },
};
