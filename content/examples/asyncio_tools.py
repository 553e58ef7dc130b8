"""asyncio 的几件工具：超时、取消、TaskGroup、gather、把阻塞调用交给线程 · asyncio's tools:
timeouts, cancellation, TaskGroup, gather, and handing a blocking call to a thread.

需要 Python 3.11+（asyncio.timeout、TaskGroup、except*）· needs Python 3.11+.
python3 asyncio_tools.py
"""
import asyncio
import threading
import time

HOST = '127.0.0.1'
START = time.perf_counter()


def say(line):
    print(line, flush=True)


# 1. asyncio.timeout()：读不到就放弃 · give up on a read that takes too long
async def silent(reader, writer, done):
    """一个从不回话的服务器：只等客户端关闭 · a server that never answers, it waits for the close."""
    await reader.read()                     # 读到 EOF 为止 · until EOF
    writer.close()
    await writer.wait_closed()
    done.set()


async def demo_timeout():
    say('== 1. asyncio.timeout(): a read that takes too long ==')
    done = asyncio.Event()
    server = await asyncio.start_server(lambda r, w: silent(r, w, done), HOST, 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        reader, writer = await asyncio.open_connection(HOST, port)
        writer.write(b'hello?\n')
        t0 = time.perf_counter()
        try:
            async with asyncio.timeout(0.3):   # 3.11+；旧版本用 asyncio.wait_for · older: wait_for
                await reader.readline()
        except TimeoutError:                   # 3.11 起 asyncio.TimeoutError 就是内置的 TimeoutError
            say(f'timeout: TimeoutError after {time.perf_counter() - t0:.2f} s, the server never answered')
        finally:
            writer.close()                     # 服务器读到 EOF 就结束 · the server reads EOF and ends
            await writer.wait_closed()
        await done.wait()                      # 等服务器的处理协程收尾 · wait for the handler to finish


# 2. 取消：task.cancel() 在任务正在 await 的地方抛 CancelledError · cancel() raises CancelledError
#    where the task is awaiting
async def worker():
    say('worker: opened its resource')
    try:
        while True:
            await asyncio.sleep(0.1)           # 取消就发生在这样的 await 上 · cancellation lands on an await
            say('worker: working')
    except asyncio.CancelledError:
        say('worker: got CancelledError')
        raise                                  # 不要吞掉取消 · do not swallow it
    finally:
        say('worker: cleanup in finally ran, resource closed')


async def demo_cancel():
    say('== 2. task.cancel(): CancelledError and finally ==')
    task = asyncio.create_task(worker())
    await asyncio.sleep(0.25)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        say(f'main: awaiting the task raised CancelledError, task.cancelled() = {task.cancelled()}')


# 3. TaskGroup：一个孩子失败，兄弟都被取消，异常包成 ExceptionGroup · one child fails: its siblings
#    are cancelled and the errors come out as an ExceptionGroup
async def child(name, seconds, fail=False):
    try:
        await asyncio.sleep(seconds)
        if fail:
            raise ValueError(f'{name} failed')
        say(f'taskgroup: {name} finished after {seconds} s')
        return name
    except asyncio.CancelledError:
        say(f'taskgroup: {name} was cancelled')
        raise


async def demo_taskgroup():
    say('== 3. TaskGroup: one child fails, the others are cancelled ==')
    try:
        async with asyncio.TaskGroup() as tg:   # 3.11+
            fast = tg.create_task(child('fast', 0.05))
            tg.create_task(child('bad', 0.1, fail=True))
            tg.create_task(child('slow', 1.0))
            tg.create_task(child('slower', 2.0))
    except* ValueError as eg:                   # except* 从 ExceptionGroup 里挑出 ValueError
        say(f'taskgroup: {type(eg).__name__} caught with except* ValueError: {eg.exceptions!r}')
    say(f'taskgroup: fast had already finished: result {fast.result()!r}')


# 4. gather(return_exceptions=True)：异常当结果返回，别的照常完成 · exceptions come back as results
async def value(x, seconds):
    await asyncio.sleep(seconds)
    if x == 2:
        raise ValueError('boom')
    return x


async def demo_gather():
    say('== 4. gather(return_exceptions=True) ==')
    results = await asyncio.gather(value(1, 0.05), value(2, 0.01), value(3, 0.03), return_exceptions=True)
    say(f'gather: {results!r}')            # 顺序和传入的一样，不是完成顺序 · in the order passed in


# 5. 阻塞调用交给线程：事件循环照常转 · a blocking call in a thread: the loop keeps ticking
def blocking_io(seconds):
    time.sleep(seconds)                    # 比如一个没有异步版本的库调用 · say, a library with no async API
    return threading.current_thread().name


async def ticker(ticks):
    while True:
        await asyncio.sleep(0.05)
        ticks.append(time.perf_counter())


async def measure(label, call):
    ticks = []
    tick_task = asyncio.create_task(ticker(ticks))
    await asyncio.sleep(0)                  # 让 ticker 先开始 · let the ticker start
    t0 = time.perf_counter()
    where = await call()
    t1 = time.perf_counter()
    tick_task.cancel()
    await asyncio.gather(tick_task, return_exceptions=True)
    during = sum(t0 < t < t1 for t in ticks)
    say(f'executor: {label}: {t1 - t0:.2f} s, ran in {where}, the loop ticked {during} times meanwhile')


async def demo_executor():
    say('== 5. run_in_executor / to_thread: the loop keeps ticking ==')
    loop = asyncio.get_running_loop()

    async def direct():
        return blocking_io(0.3)             # 直接在协程里阻塞：循环停住 · blocks the loop itself

    async def executor():
        return await loop.run_in_executor(None, blocking_io, 0.3)   # 默认线程池 · the default pool

    async def to_thread():
        return await asyncio.to_thread(blocking_io, 0.3)            # 3.9+，同上 · same thing, 3.9+

    await measure('time.sleep(0.3) called directly', direct)
    await measure('loop.run_in_executor(None, ...)', executor)
    await measure('asyncio.to_thread(...)', to_thread)


async def main():
    async with asyncio.timeout(15):         # 整个演示的上限 · a limit for the whole demo
        await demo_timeout()
        await demo_cancel()
        await demo_taskgroup()
        await demo_gather()
        await demo_executor()
    say(f'done in {time.perf_counter() - START:.2f} s')


if __name__ == '__main__':
    asyncio.run(main())                     # 结束时关掉默认线程池 · shuts the default executor down
