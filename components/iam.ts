import * as pulumi from "@pulumi/pulumi";

/** An IAM policy statement, written as AWS documents it. */
export interface PolicyStatement {
    Sid?: string;
    Effect: "Allow" | "Deny";
    Principal?: unknown;
    NotPrincipal?: unknown;
    Action?: string | string[];
    NotAction?: string | string[];
    Resource?: pulumi.Input<string> | pulumi.Input<pulumi.Input<string>[]>;
    NotResource?: pulumi.Input<string> | pulumi.Input<pulumi.Input<string>[]>;
    Condition?: pulumi.Input<Record<string, pulumi.Input<Record<string, pulumi.Input<string | boolean | pulumi.Input<string>[]>>>>>;
}

/**
 * A policy document as JSON. Built locally (no `aws.iam.getPolicyDocument` invoke), so the plan shows the exact
 * document and nothing waits for a provider call.
 */
export function policyDocument(statements: PolicyStatement[]): pulumi.Output<string> {
    return pulumi.output({ Version: "2012-10-17", Statement: statements }).apply((doc) => JSON.stringify(doc));
}

/** Trust policy letting an AWS service assume a role. */
export function serviceAssumeRolePolicy(...services: string[]): string {
    return JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { Service: services.length === 1 ? services[0] : services }, Action: "sts:AssumeRole" }],
    });
}

/**
 * Trust policy letting one AWS service assume a role under a condition: the confused-deputy guard of the IAM User
 * Guide (`aws:SourceAccount`, `aws:SourceArn`, or the `sts:ExternalId` a service passes).
 */
export function conditionalServiceAssumeRolePolicy(service: string, condition: Record<string, Record<string, string>>): string {
    return JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole", Condition: condition }],
    });
}
