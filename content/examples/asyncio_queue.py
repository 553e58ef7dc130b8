"""asyncio.Queue：两个生产者、两个消费者，一个线程 · asyncio.Queue: two producers, two consumers, one thread.

默认用 q.join() 等每个 put 都有 task_done()，然后取消消费者；--sentinels 改成每个消费者一个 None。
By default q.join() waits until every put has its task_done(), then the consumers are cancelled;
--sentinels ends them with one None per consumer instead.
python3 asyncio_queue.py [--sentinels] [--items N] [--maxsize M]
"""
import argparse
import asyncio
import time

MAKE = {'p0': 0.010, 'p1': 0.015}    # 生产一个要多久（秒）· how long making one item takes
EAT = 0.04                            # 消费一个要多久：比生产慢，队列会满 · eating is slower: the queue fills up
LIMIT = 10.0                          # 整个演示的时间上限（秒）· a time limit for the whole demo


def say(line):
    print(line, flush=True)


async def producer(name, q, items):
    for i in range(items):
        await asyncio.sleep(MAKE[name])
        item = f'{name}-{i}'
        if q.full():                  # 单线程：检查和 put 之间没人插队 · one thread: nobody cuts in here
            say(f'{name} waits: the queue is full ({q.qsize()}/{q.maxsize}), {item} not put yet')
            t0 = time.perf_counter()
            await q.put(item)         # 满了就在这里挂起，事件循环去跑别人 · suspends here; the loop runs others
            say(f'{name} put {item} after waiting {time.perf_counter() - t0:.3f} s')
        else:
            await q.put(item)
            say(f'{name} put {item}')
    say(f'{name} finished')


async def consumer(name, q):
    """join 版：永远循环，每个都 task_done()，靠 cancel() 结束 · loops forever; ended by cancel()."""
    eaten = 0
    try:
        while True:
            item = await q.get()      # 空了就在这里挂起 · suspends here while the queue is empty
            say(f'{name} got {item}')
            await asyncio.sleep(EAT)
            eaten += 1
            q.task_done()             # 这一个处理完了 · this one is done
    except asyncio.CancelledError:    # 在 await q.get() 处被取消 · cancelled at await q.get()
        say(f'{name} cancelled after {eaten} items')
        raise                         # 取消要继续往外传 · let the cancellation propagate


async def sentinel_consumer(name, q):
    """哨兵版：拿到 None 就返回 · sentinel version: return at None."""
    eaten = 0
    while True:
        item = await q.get()
        if item is None:
            say(f'{name} got None, stops after {eaten} items')
            return eaten
        say(f'{name} got {item}')
        await asyncio.sleep(EAT)
        eaten += 1


async def main(sentinels, items, maxsize):
    say(f'== asyncio.Queue(maxsize={maxsize}), {"sentinels" if sentinels else "q.join() + cancel()"}, '
        f'2 producers x {items} items, 2 consumers ==')
    q = asyncio.Queue(maxsize)
    async with asyncio.timeout(LIMIT):                      # Python 3.11+
        make = [asyncio.create_task(producer(f'p{i}', q, items)) for i in range(2)]
        if sentinels:
            eat = [asyncio.create_task(sentinel_consumer(f'c{i}', q)) for i in range(2)]
            await asyncio.gather(*make)
            for _ in eat:
                await q.put(None)                           # 每个消费者一个哨兵 · one sentinel per consumer
            counts = await asyncio.gather(*eat)
            say(f'main: consumers ate {sum(counts)} items')
        else:
            eat = [asyncio.create_task(consumer(f'c{i}', q)) for i in range(2)]
            await asyncio.gather(*make)                     # 先等生产者都做完 · every producer first
            await q.join()                                  # 再等每个 put 都有 task_done · then every task_done
            say('main: q.join() returned, every item was processed')
            for task in eat:
                task.cancel()                               # 消费者还在 await q.get()：叫停它们 · stop them
            results = await asyncio.gather(*eat, return_exceptions=True)
            cancelled = sum(isinstance(r, asyncio.CancelledError) for r in results)
            say(f'main: {cancelled} consumers cancelled')
    say('main: done')


if __name__ == '__main__':
    parser = argparse.ArgumentParser(description='producer-consumer with asyncio.Queue')
    parser.add_argument('--sentinels', action='store_true', help='end with one None per consumer')
    parser.add_argument('--items', type=int, default=5, help='items per producer (default 5)')
    parser.add_argument('--maxsize', type=int, default=2, help='queue size (default 2)')
    args = parser.parse_args()
    asyncio.run(main(args.sentinels, max(1, args.items), max(1, args.maxsize)))
