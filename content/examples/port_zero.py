"""端口 0：让操作系统挑一个空闲端口 · Port 0: let the OS pick a free port."""
import socket

with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
    server.bind(('127.0.0.1', 0))          # 0 = “随便给我一个” · "any free port"
    server.listen()
    host, port = server.getsockname()
    print(f'listening on {host}:{port}')   # 例如 · e.g. 127.0.0.1:41873
