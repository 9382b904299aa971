import { queues } from "../../components/config/queues";
import { contextOf, runCheck, settingsOf } from "./checkHarness";

describe("strata:queues checks", () => {
    const [names] = queues.checks;

    test.each([
        ["dev", false, []],
        // "strata-" + 60 + "-workflow-tasks-dlq" = 86 > 80; the queue itself (82) too.
        [
            "q".repeat(60),
            false,
            [/^queues\.queues\.workflow-tasks: gives the sqsQueue name "strata-q{60}-workflow-tasks" \(82 characters, AWS allows 80\)/],
        ],
        // ".fifo" counts: 57 + ... puts the DLQ over, not the queue.
        [
            "q".repeat(52),
            true,
            [
                /^queues\.queues\.workflow-tasks: gives the sqsQueue name "strata-q{52}-workflow-tasks-dlq\.fifo" \(83 characters, AWS allows 80\)/,
            ],
        ],
    ])("stack %s, fifo %s", (stack, fifo, expected) => {
        const problems = runCheck(names, settingsOf("dev", { queues: { queues: { "workflow-tasks": { fifo } } } }), contextOf({ stack }));
        expect(problems).toEqual(expected.map((e) => expect.stringMatching(e)));
    });
});
