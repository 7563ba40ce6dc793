package vn.hailong;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Hài Lòng: citizen satisfaction at one-stop counters, feeding the administrative reform index. */
@SpringBootApplication
public class HaiLongApplication {

    public static void main(String[] args) {
        SpringApplication.run(HaiLongApplication.class, args);
    }
}
