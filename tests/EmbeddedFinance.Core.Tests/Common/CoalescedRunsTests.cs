using EmbeddedFinance.Core.Common;

namespace EmbeddedFinance.Core.Tests.Common;

public sealed class CoalescedRunsTests
{
    [Fact]
    public async Task Callers_arriving_during_a_pass_return_at_once_and_cost_exactly_one_more_pass()
    {
        var runs = new CoalescedRuns();
        var firstPass = new TaskCompletionSource();
        var passes = 0;
        async Task<int> Pass()
        {
            if (Interlocked.Increment(ref passes) == 1) await firstPass.Task;
            return 10;
        }

        var running = runs.RunAsync("mer_a", Pass);
        var joined = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => runs.RunAsync("mer_a", Pass))));
        Assert.All(joined, result => Assert.Equal(0, result));
        Assert.False(running.IsCompleted);

        firstPass.SetResult();
        Assert.Equal(20, await running);
        Assert.Equal(2, passes);
    }

    [Fact]
    public async Task A_caller_after_the_run_has_ended_runs_a_pass_of_its_own()
    {
        var runs = new CoalescedRuns();
        var passes = 0;
        Task<int> Pass() => Task.FromResult(Interlocked.Increment(ref passes));

        Assert.Equal(1, await runs.RunAsync("mer_a", Pass));
        Assert.Equal(2, await runs.RunAsync("mer_a", Pass));
    }

    [Fact]
    public async Task A_failing_pass_reaches_its_caller_and_frees_the_key()
    {
        var runs = new CoalescedRuns();
        await Assert.ThrowsAsync<InvalidOperationException>(() => runs.RunAsync("mer_a", () => throw new InvalidOperationException("storage down")));
        Assert.Equal(7, await runs.RunAsync("mer_a", () => Task.FromResult(7)));
    }

    [Fact]
    public async Task Runs_of_different_keys_do_not_join_each_other()
    {
        var runs = new CoalescedRuns();
        var blockA = new TaskCompletionSource();
        var a = runs.RunAsync("mer_a", async () => { await blockA.Task; return 1; });
        Assert.Equal(2, await runs.RunAsync("mer_b", () => Task.FromResult(2)));
        blockA.SetResult();
        Assert.Equal(1, await a);
    }
}
