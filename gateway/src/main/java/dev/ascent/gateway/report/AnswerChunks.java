package dev.ascent.gateway.report;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.Unpooled;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.WriteStream;
import io.vertx.ext.web.codec.spi.BodyStream;
import io.vertx.mutiny.ext.web.codec.BodyCodec;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A service's answer kept as the chunks it arrived in. The web client's default codec appends every
 * chunk to one buffer that grows by copying, and for a 10,000-person report (three answers of
 * 1 to 3 MB) that copying was most of the bytes the gateway allocated per report; here each chunk is
 * kept where the connection put it and the parser reads across them.
 */
final class AnswerChunks {

    private final List<ByteBuf> chunks = new ArrayList<>();

    private AnswerChunks() {
    }

    /** The codec that collects an answer's chunks. */
    static BodyCodec<AnswerChunks> codec() {
        io.vertx.ext.web.codec.BodyCodec<AnswerChunks> collecting =
                created -> created.handle(Future.succeededFuture(new Collector()));
        return BodyCodec.newInstance(collecting);
    }

    /** The answer's bytes, in order. */
    InputStream stream() {
        return new ByteBufInputStream(Unpooled.wrappedBuffer(chunks.toArray(ByteBuf[]::new)));
    }

    /** The answer's bytes in one array. */
    byte[] bytes() {
        int size = chunks.stream().mapToInt(ByteBuf::readableBytes).sum();
        byte[] all = new byte[size];
        int at = 0;
        for (ByteBuf chunk : chunks) {
            int length = chunk.readableBytes();
            chunk.getBytes(chunk.readerIndex(), all, at, length);
            at += length;
        }
        return all;
    }

    boolean isEmpty() {
        return chunks.stream().noneMatch(ByteBuf::isReadable);
    }

    private static final class Collector implements BodyStream<AnswerChunks> {

        private final AnswerChunks answer = new AnswerChunks();
        private final Promise<AnswerChunks> result = Promise.promise();

        @Override
        public Future<AnswerChunks> result() {
            return result.future();
        }

        @Override
        public void handle(Throwable failure) {
            result.tryFail(failure);
        }

        @Override
        public Future<Void> write(Buffer chunk) {
            answer.chunks.add(chunk.getByteBuf());
            return Future.succeededFuture();
        }

        @Override
        public void write(Buffer chunk, Handler<AsyncResult<Void>> written) {
            written.handle(write(chunk));
        }

        @Override
        public void end(Handler<AsyncResult<Void>> ended) {
            result.tryComplete(answer);
            if (ended != null) {
                ended.handle(Future.succeededFuture());
            }
        }

        @Override
        public WriteStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
            return this;
        }

        @Override
        public WriteStream<Buffer> setWriteQueueMaxSize(int maxSize) {
            return this;
        }

        @Override
        public boolean writeQueueFull() {
            return false;
        }

        @Override
        public WriteStream<Buffer> drainHandler(Handler<Void> handler) {
            return this;
        }
    }
}
