/** Names the Broker component creates (shared by the component and the config name check). */
export const brokerNames = { brokerName: "broker" };

/**
 * The CloudWatch log group Amazon MQ writes a RabbitMQ broker's general logs to: named by the broker's id, which
 * exists only once the broker does ("Configuring Amazon MQ for RabbitMQ logs", Amazon MQ Developer Guide).
 */
export function brokerGeneralLogGroupName(brokerId: string): string {
    return `/aws/amazonmq/broker/${brokerId}/general`;
}
